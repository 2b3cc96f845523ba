namespace Okr.Core;

/// <summary>
/// Scores one key result from its definition and check-ins (spec section 3). Allocation-free: it reads spans and
/// returns a struct. Rollup kinds are scored here as if they had no contributors.
/// </summary>
internal static class KeyResultScorer
{
    /// <summary>Index of the latest check-in with <c>At &lt;= asOf</c>; on a tie the later one; -1 when none.</summary>
    public static int LatestIndex(ReadOnlySpan<CheckIn> checkIns, DateOnly asOf)
    {
        var best = -1;
        for (var i = 0; i < checkIns.Length; i++)
        {
            var at = checkIns[i].At;
            if (at <= asOf && (best < 0 || at >= checkIns[best].At))
            {
                best = i;
            }
        }

        return best;
    }

    public static KeyResultScore Score(KeyResultDefinition definition, ReadOnlySpan<CheckIn> checkIns, DateOnly asOf)
    {
        if (definition.Kind == KeyResultKind.Checklist)
        {
            var share = ChecklistShare(definition.Items.AsSpan(), asOf);
            return new KeyResultScore(null, share, share, IsPending: false);
        }

        if (definition.Kind == KeyResultKind.Rollup)
        {
            return definition.Aggregate == RollupAggregate.Sum
                ? SumOf(definition, current: null)
                : new KeyResultScore(null, null, null, IsPending: true);
        }

        var latest = LatestIndex(checkIns, asOf);
        return Measure(definition, latest < 0 ? null : checkIns[latest].Value);
    }

    /// <summary>Current value, attainment and score of a measured kind given the latest check-in's value (or null).</summary>
    public static KeyResultScore Measure(KeyResultDefinition definition, decimal? latestValue)
    {
        var (first, second) = definition.Fields;
        return Measure(CompiledKeyResults.KindOf(definition), first, second, latestValue);
    }

    /// <summary>
    /// The spec's table for the measured kinds (section 3), on the compiled form: <paramref name="first"/> and
    /// <paramref name="second"/> are the definition values <see cref="NodeKind"/> documents (baseline and target,
    /// threshold, min and max). The one place these rules live: records and the flat model both score through it.
    /// </summary>
    public static KeyResultScore Measure(NodeKind kind, decimal first, decimal second, decimal? latestValue)
    {
        var pending = latestValue is null;
        switch (kind)
        {
            case NodeKind.Ratio:
                {
                    var current = CurrentOf(kind, first, latestValue).GetValueOrDefault();
                    var attainment = ScoreMath.Attainment(current, first, second);
                    return new KeyResultScore(current, attainment, ScoreMath.Clamp01(attainment), pending);
                }

            case NodeKind.AtLeast:
                return Binary(latestValue, latestValue >= first);
            case NodeKind.AtMost:
                return Binary(latestValue, latestValue <= first);
            case NodeKind.Within:
                return Binary(latestValue, latestValue >= first && latestValue <= second);
            case NodeKind.Milestone:
                {
                    var current = CurrentOf(kind, first, latestValue).GetValueOrDefault();
                    var attainment = current == 1m ? 1.0 : 0.0;
                    return new KeyResultScore(current, attainment, attainment, pending);
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a measured kind.");
        }
    }

    /// <summary>
    /// A measured kind's current value given the latest check-in's value (or null): that value; with none, the
    /// baseline of increase and decrease, 0 for a milestone, and no value for atLeast, atMost and within.
    /// </summary>
    public static decimal? CurrentOf(KeyResultDefinition definition, decimal? latestValue)
        => CurrentOf(CompiledKeyResults.KindOf(definition), definition.Fields.First, latestValue);

    private static decimal? CurrentOf(NodeKind kind, decimal first, decimal? latestValue) => latestValue ?? kind switch
    {
        NodeKind.Ratio => first,
        NodeKind.Milestone => 0m,
        _ => null,
    };

    /// <summary>A sum rollup's measurement: <paramref name="current"/> null means no contributor, so the baseline.</summary>
    public static KeyResultScore SumOf(KeyResultDefinition definition, decimal? current)
    {
        var baseline = definition.Baseline.GetValueOrDefault();
        var value = current ?? baseline;
        var attainment = ScoreMath.Attainment(value, baseline, definition.Target.GetValueOrDefault());
        return new KeyResultScore(value, attainment, ScoreMath.Clamp01(attainment), IsPending: current is null);
    }

    /// <summary>The weighted share of items done on or before <paramref name="asOf"/>, summed in item order.</summary>
    public static double ChecklistShare(ReadOnlySpan<ChecklistItem> items, DateOnly asOf)
    {
        double done = 0;
        double total = 0;
        foreach (var item in items)
        {
            total += item.Weight;
            if (item.IsDoneAsOf(asOf))
            {
                done += item.Weight;
            }
        }

        if (ScoreMath.NeedsRescaling(total))
        {
            // Weights whose total overflows: the same share with every weight scaled by one power of two.
            (done, total) = (0, 0);
            foreach (var item in items)
            {
                var weight = Math.ScaleB(item.Weight, ScoreMath.RescaleExponent);
                total += weight;
                done += item.IsDoneAsOf(asOf) ? weight : 0;
            }
        }

        return total > 0 ? ScoreMath.Normalize(done / total) : 0;
    }

    private static KeyResultScore Binary(decimal? current, bool met)
    {
        var attainment = met ? 1.0 : 0.0;
        return new KeyResultScore(current, attainment, attainment, IsPending: current is null);
    }
}
