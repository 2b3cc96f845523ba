namespace Okr.Core;

/// <summary>How a key result turns its measurements into attainment.</summary>
public enum KeyResultKind
{
    /// <summary>Move a value up from a baseline to a target: <c>(current - baseline) / (target - baseline)</c>.</summary>
    Increase = 0,

    /// <summary>Move a value down from a baseline to a target (same formula; the signs make it work).</summary>
    Decrease = 1,

    /// <summary>Keep a value at or above a threshold: 1 or 0.</summary>
    AtLeast = 2,

    /// <summary>Keep a value at or below a threshold: 1 or 0.</summary>
    AtMost = 3,

    /// <summary>Keep a value within <c>[min, max]</c>: 1 or 0.</summary>
    Within = 4,

    /// <summary>Done or not: check-ins of 0 or 1.</summary>
    Milestone = 5,

    /// <summary>The weighted share of checklist items done.</summary>
    Checklist = 6,

    /// <summary>Progress rolled up from the items aligned to it (mean of scores, or sum of values).</summary>
    Rollup = 7,
}

/// <summary>How a <see cref="KeyResultKind.Rollup"/> key result combines its contributors.</summary>
public enum RollupAggregate
{
    /// <summary>The weighted mean of the contributors' scores.</summary>
    Mean = 0,

    /// <summary>The sum of the contributors' current values, against the key result's own baseline and target.</summary>
    Sum = 1,
}
