using Ardalis.GuardClauses;

namespace Okr.Core;

/// <summary>One item of a checklist key result: done on <see cref="DoneOn"/> (or not yet), counted with <see cref="Weight"/>.</summary>
public sealed record ChecklistItem
{
    /// <summary>Creates an item.</summary>
    /// <param name="title">What the item is (not blank).</param>
    /// <param name="weight">Its weight, finite and &gt;= 0 (default 1).</param>
    /// <param name="doneOn">The day it was done, or null while open.</param>
    public ChecklistItem(string title, double weight = 1, DateOnly? doneOn = null)
    {
        Title = Guard.Against.Null(title);
        Weight = OkrGuard.Weight(weight);
        DoneOn = doneOn;
    }

    /// <summary>What the item is.</summary>
    public string Title { get; }

    /// <summary>The item's weight in the checklist (finite, &gt;= 0).</summary>
    public double Weight { get; }

    /// <summary>The day the item was done, or null when it is open.</summary>
    public DateOnly? DoneOn { get; }

    /// <summary>Whether the item counts as done at the end of <paramref name="asOf"/>.</summary>
    /// <param name="asOf">The day of evaluation.</param>
    public bool IsDoneAsOf(DateOnly asOf) => DoneOn is { } done && done <= asOf;

    /// <summary>Returns a copy marked done on <paramref name="day"/>.</summary>
    /// <param name="day">The day it was done.</param>
    public ChecklistItem WithDoneOn(DateOnly? day) => new(Title, Weight, day);
}
