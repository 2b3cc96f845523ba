using System.Globalization;
namespace Okr.Core;

/// <summary>
/// What a key result measures and against what: its <see cref="Kind"/> and that kind's fields. A definition is
/// plain data; <see cref="KeyResult.TryCreate"/> checks it against the kind's rules (OKR006).
/// </summary>
public sealed record KeyResultDefinition
{
    // No kind has more than two numbers, so they share two fields (baseline, threshold or min; target or max) instead
    // of five nullable decimals: a set holds a definition for every key result, and this makes each 72 bytes, not 160.
    private readonly decimal _first;
    private readonly decimal _second;

    private KeyResultDefinition(KeyResultKind kind, decimal first = 0m, decimal second = 0m)
    {
        Kind = kind;
        _first = first;
        _second = second;
    }

    /// <summary>The kind.</summary>
    public KeyResultKind Kind { get; }

    /// <summary>Starting value (increase, decrease, rollup sum); null for other kinds.</summary>
    public decimal? Baseline => HasBaselineAndTarget ? _first : null;

    /// <summary>Target value (increase, decrease, rollup sum); null for other kinds.</summary>
    public decimal? Target => HasBaselineAndTarget ? _second : null;

    /// <summary>The threshold compared inclusively (atLeast, atMost); null for other kinds.</summary>
    public decimal? Threshold => Kind is KeyResultKind.AtLeast or KeyResultKind.AtMost ? _first : null;

    /// <summary>Lower bound, inclusive (within); null for other kinds.</summary>
    public decimal? Min => Kind == KeyResultKind.Within ? _first : null;

    /// <summary>Upper bound, inclusive (within); null for other kinds.</summary>
    public decimal? Max => Kind == KeyResultKind.Within ? _second : null;

    /// <summary>The checklist items (checklist); empty for other kinds.</summary>
    public ValueArray<ChecklistItem> Items { get; private init; }

    /// <summary>How a rollup combines its contributors (rollup); null for other kinds.</summary>
    public RollupAggregate? Aggregate { get; private init; }

    /// <summary>Whether check-ins are measured against this kind (every kind but checklist and rollup).</summary>
    public bool IsMeasured => Kind is not (KeyResultKind.Checklist or KeyResultKind.Rollup);

    /// <summary>The kind's two numbers as stored: baseline, threshold or min, then target or max (0 where it has none).</summary>
    internal (decimal First, decimal Second) Fields => (_first, _second);

    private bool HasBaselineAndTarget => Kind is KeyResultKind.Increase or KeyResultKind.Decrease || Aggregate == RollupAggregate.Sum;

    /// <summary>Whether this kind has a numeric current value that a sum rollup can add up.</summary>
    public bool IsSummable => HasBaselineAndTarget || Kind is KeyResultKind.AtLeast or KeyResultKind.AtMost or KeyResultKind.Within;

    /// <summary>Raise a value from <paramref name="baseline"/> to <paramref name="target"/> (target &gt; baseline).</summary>
    /// <param name="baseline">Starting value.</param>
    /// <param name="target">Target value.</param>
    public static KeyResultDefinition Increase(decimal baseline, decimal target) => new(KeyResultKind.Increase, baseline, target);

    /// <summary>Lower a value from <paramref name="baseline"/> to <paramref name="target"/> (target &lt; baseline).</summary>
    /// <param name="baseline">Starting value.</param>
    /// <param name="target">Target value.</param>
    public static KeyResultDefinition Decrease(decimal baseline, decimal target) => new(KeyResultKind.Decrease, baseline, target);

    /// <summary>Keep the value at or above <paramref name="threshold"/>.</summary>
    /// <param name="threshold">The inclusive lower limit.</param>
    public static KeyResultDefinition AtLeast(decimal threshold) => new(KeyResultKind.AtLeast, threshold);

    /// <summary>Keep the value at or below <paramref name="threshold"/>.</summary>
    /// <param name="threshold">The inclusive upper limit.</param>
    public static KeyResultDefinition AtMost(decimal threshold) => new(KeyResultKind.AtMost, threshold);

    /// <summary>Keep the value within <c>[min, max]</c>.</summary>
    /// <param name="min">Inclusive lower bound.</param>
    /// <param name="max">Inclusive upper bound (&gt;= min).</param>
    public static KeyResultDefinition Within(decimal min, decimal max) => new(KeyResultKind.Within, min, max);

    /// <summary>Done (1) or not (0).</summary>
    public static KeyResultDefinition Milestone() => new(KeyResultKind.Milestone);

    /// <summary>The weighted share of <paramref name="items"/> done (1 to 100 items, total weight &gt; 0).</summary>
    /// <param name="items">The items.</param>
    public static KeyResultDefinition Checklist(IEnumerable<ChecklistItem> items)
    {
        var list = ValueArray.From(items);
        ItemFindings.NoNullItems(list, nameof(items));
        return new(KeyResultKind.Checklist) { Items = list };
    }

    /// <summary>The weighted share of <paramref name="items"/> done (1 to 100 items, total weight &gt; 0).</summary>
    /// <param name="items">The items.</param>
    public static KeyResultDefinition Checklist(params ChecklistItem[] items) => Checklist((IEnumerable<ChecklistItem>)items);

    /// <summary>The weighted mean of the scores of the items aligned to this key result.</summary>
    public static KeyResultDefinition RollupMean() => new(KeyResultKind.Rollup) { Aggregate = RollupAggregate.Mean };

    /// <summary>The sum of the current values of the key results aligned to this one, from <paramref name="baseline"/> to <paramref name="target"/>.</summary>
    /// <param name="baseline">Starting value.</param>
    /// <param name="target">Target value (different from baseline).</param>
    public static KeyResultDefinition RollupSum(decimal baseline, decimal target) => new(KeyResultKind.Rollup, baseline, target) { Aggregate = RollupAggregate.Sum };

    /// <summary>
    /// The first rule this definition, with <paramref name="checkInCount"/> check-ins whose values are
    /// <paramref name="valueOf"/> each of <paramref name="checkIns"/>, breaks (phrased for the user), or null when it is
    /// valid: the kind's own fields, no check-ins on a checklist or rollup, milestone values 0 or 1.
    /// </summary>
    /// <remarks>A span and a static selector rather than a LINQ projection: this runs for every key result read.</remarks>
    internal string? FindProblem<T>(int checkInCount, ReadOnlySpan<T> checkIns, Func<T, decimal> valueOf)
    {
        var problem = FindProblem();
        if (problem is not null)
        {
            return problem;
        }

        if (!IsMeasured && checkInCount > 0)
        {
            return Kind == KeyResultKind.Checklist
                ? "a checklist takes no check-ins: set 'doneOn' on its items instead"
                : "a rollup takes no check-ins: its progress comes from the items aligned to it";
        }

        if (Kind == KeyResultKind.Milestone)
        {
            foreach (var checkIn in checkIns)
            {
                var value = valueOf(checkIn);
                if (value is not (0m or 1m))
                {
                    return string.Create(CultureInfo.InvariantCulture, $"a check-in has value {value}: a milestone check-in is 0 (not done) or 1 (done)");
                }
            }
        }

        return null;
    }

    /// <summary>The rule this definition's own fields break, phrased for the user, or null when they are valid.</summary>
    internal string? FindProblem()
    {
        switch (Kind)
        {
            case KeyResultKind.Increase when Target <= Baseline:
                return Target == Baseline
                    ? "baseline equals target: use atLeast/atMost to keep a value"
                    : string.Create(CultureInfo.InvariantCulture, $"an increase needs target > baseline (baseline {Baseline}, target {Target}): swap them or use kind 'decrease'");
            case KeyResultKind.Decrease when Target >= Baseline:
                return Target == Baseline
                    ? "baseline equals target: use atLeast/atMost to keep a value"
                    : string.Create(CultureInfo.InvariantCulture, $"a decrease needs target < baseline (baseline {Baseline}, target {Target}): swap them or use kind 'increase'");
            case KeyResultKind.Within when Min > Max:
                return string.Create(CultureInfo.InvariantCulture, $"min {Min} is greater than max {Max}: swap them");
            case KeyResultKind.Checklist:
                return FindChecklistProblem();
            case KeyResultKind.Rollup when Aggregate == RollupAggregate.Sum && Target == Baseline:
                return string.Create(CultureInfo.InvariantCulture, $"a sum rollup needs target different from baseline (both {Baseline}): set the total you aim for as target, or use aggregate 'mean' to average scores");
            default:
                return null;
        }
    }

    private string? FindChecklistProblem()
    {
        if (Items.Count is < 1 or > 100)
        {
            return Items.Count < 1
                ? "a checklist needs 1 to 100 items, it has 0: list its steps as items, or use kind 'milestone' for a single one"
                : $"a checklist needs 1 to 100 items, it has {Items.Count}: split it into several key results, or group steps into fewer items";
        }

        double total = 0;
        foreach (var item in Items)
        {
            if (string.IsNullOrWhiteSpace(item.Title))
            {
                return "every checklist item needs a non-blank title: name each step, or remove the empty item";
            }

            total += item.Weight;
        }

        return total > 0 ? null : "a checklist needs a total item weight > 0: give at least one item a positive weight";
    }
}
