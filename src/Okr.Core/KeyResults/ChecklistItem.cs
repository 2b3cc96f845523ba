using System.Globalization;
using Ardalis.GuardClauses;
using OneOf;

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

    /// <summary>
    /// An item built from user data (a form, an import): <c>OKR002</c> when the title is longer than a title may be
    /// (500 UTF-16 units), <c>OKR005</c> when the weight is negative, NaN or infinite; the constructor throws for the
    /// weight. A blank title is accepted here and judged with the rest of the checklist, as in a document: the key
    /// result's <c>OKR006</c>.
    /// </summary>
    /// <param name="title">What the item is.</param>
    /// <param name="weight">Its weight (default 1).</param>
    /// <param name="doneOn">The day it was done, or null while open.</param>
    /// <param name="keyResultId">The checklist key result the item is for, named in the findings (optional).</param>
    public static OneOf<ChecklistItem, OkrErrors> TryCreate(string title, double weight = 1, DateOnly? doneOn = null, string? keyResultId = null)
    {
        Guard.Against.Null(title);
        var findings = new ItemFindings("key result", keyResultId ?? string.Empty);
        var subject = ItemFindings.UsableId(keyResultId);
        var named = string.IsNullOrWhiteSpace(title) ? "A checklist item" : $"Checklist item '{ItemFindings.Shortened(title, 100)}'";
        var item = $"{named}{(subject is null ? string.Empty : $" of key result '{subject}'")}";
        if (title.Length > ItemFindings.MaxTitleLength)
        {
            findings.Add(OkrCodes.Schema, $"{item} has a title of {title.Length} characters: a title has at most {ItemFindings.MaxTitleLength}.");
        }

        if (!OkrGuard.IsWeight(weight))
        {
            findings.Add(OkrCodes.InvalidNumber, $"{item} has weight {weight.ToString(CultureInfo.InvariantCulture)}: a weight is a finite number >= 0 (0 shows the item without counting it).");
        }

        return findings.Errors is { } errors ? errors : new ChecklistItem(title, weight, doneOn);
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
