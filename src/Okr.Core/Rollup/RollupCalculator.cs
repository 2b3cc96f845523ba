namespace Okr.Core;

/// <summary>
/// Evaluates nodes children first (spec sections 3-6): key result measurements, rollups (mean of scores, sum of
/// values), objective scores, pending propagation and statuses. One loop over a precomputed order: no recursion,
/// no allocation beyond the state's buffers.
/// </summary>
internal static class RollupCalculator
{
    public static void EvaluateAll(AlignmentGraph graph, EvaluationState state, DateOnly asOf)
    {
        foreach (var node in graph.Order)
        {
            EvaluateNode(graph, state, node, asOf);
        }
    }

    /// <summary>
    /// Re-evaluates <paramref name="changedNode"/> and every node that depends on it, in children-first order.
    /// Returns the nodes re-evaluated.
    /// </summary>
    public static List<int> EvaluateAffected(AlignmentGraph graph, EvaluationState state, int[] orderPosition, int changedNode, DateOnly asOf)
    {
        var affected = new List<int> { changedNode };
        var seen = new HashSet<int> { changedNode };
        for (var i = 0; i < affected.Count; i++)
        {
            var node = affected[i];
            for (var d = graph.DependentStart[node]; d < graph.DependentStart[node + 1]; d++)
            {
                if (seen.Add(graph.DependentNode[d]))
                {
                    affected.Add(graph.DependentNode[d]);
                }
            }
        }

        affected.Sort((a, b) => orderPosition[a].CompareTo(orderPosition[b]));
        foreach (var node in affected)
        {
            EvaluateNode(graph, state, node, asOf);
        }

        return affected;
    }

    private static void EvaluateNode(AlignmentGraph graph, EvaluationState state, int node, DateOnly asOf)
    {
        var keyResult = state.KeyResults[node];
        int? confidence = null;
        if (keyResult is null)
        {
            EvaluateMean(graph, state, node);
        }
        else if (keyResult.Kind != KeyResultKind.Rollup)
        {
            var checkIns = keyResult.CheckIns.AsSpan();
            var latest = KeyResultScorer.LatestIndex(checkIns, asOf);
            state.Latest[node] = latest;
            var measured = keyResult.Kind == KeyResultKind.Checklist
                ? KeyResultScorer.Score(keyResult.Definition, checkIns, asOf)
                : KeyResultScorer.Measure(keyResult.Definition, latest < 0 ? null : checkIns[latest].Value);
            Store(state, node, measured);
            confidence = latest < 0 ? null : checkIns[latest].Confidence;
        }
        else if (keyResult.Definition.Aggregate == RollupAggregate.Sum)
        {
            state.Latest[node] = -1;
            EvaluateSum(graph, state, node, keyResult.Definition);
        }
        else
        {
            state.Latest[node] = -1;
            EvaluateMean(graph, state, node);
        }

        var period = graph.PeriodOf[node];
        var score = state.Score[node];
        var status = StatusRules.Decide(
            double.IsNaN(score) ? null : score,
            state.Pending[node],
            period.Start,
            period.End,
            graph.SuccessTarget[node],
            asOf,
            graph.Set.Settings,
            confidence);
        if (keyResult is null && graph.Set.Settings.ObjectiveStatus == ObjectiveStatusMode.Worst && StatusRules.IsUnderWay(status))
        {
            status = WorstOfCountedItems(graph, state, node, status);
        }

        state.Status[node] = status;
    }

    private static void Store(EvaluationState state, int node, KeyResultScore measured)
    {
        state.Score[node] = measured.Score ?? double.NaN;
        state.Attainment[node] = measured.Attainment ?? double.NaN;
        state.HasCurrent[node] = measured.Current.HasValue;
        state.Current[node] = measured.Current.GetValueOrDefault();
        state.Pending[node] = measured.IsPending;
    }

    /// <summary>
    /// Weighted mean of the scored inputs, summed in input order (an objective; a mean rollup). Pending when every
    /// counted input is pending, also when none is counted.
    /// </summary>
    private static void EvaluateMean(AlignmentGraph graph, EvaluationState state, int node)
    {
        double weighted = 0;
        double totalWeight = 0;
        var pending = true;
        for (var i = graph.InputStart[node]; i < graph.InputStart[node + 1]; i++)
        {
            var input = graph.InputNode[i];
            var score = state.Score[input];
            if (double.IsNaN(score))
            {
                continue;
            }

            var weight = graph.InputWeight[i];
            weighted += weight * score;
            totalWeight += weight;
            pending &= state.Pending[input];
        }

        var mean = totalWeight > 0 ? ScoreMath.Normalize(weighted / totalWeight) : double.NaN;
        state.Score[node] = mean;
        state.Attainment[node] = mean;
        state.HasCurrent[node] = false;
        state.Current[node] = 0;
        state.Pending[node] = pending;
    }

    /// <summary>A sum rollup: current = the sum of the inputs' current values (those that have one); else the baseline.</summary>
    private static void EvaluateSum(AlignmentGraph graph, EvaluationState state, int node, KeyResultDefinition definition)
    {
        decimal? sum = null;
        var pending = true;
        for (var i = graph.InputStart[node]; i < graph.InputStart[node + 1]; i++)
        {
            var input = graph.InputNode[i];
            if (!state.HasCurrent[input])
            {
                continue;
            }

            try
            {
                sum = (sum ?? 0m) + state.Current[input];
            }
            catch (OverflowException)
            {
                // Beyond decimal's range the sum saturates; the score is then 0 or 1 either way.
                sum = state.Current[input] > 0 ? decimal.MaxValue : decimal.MinValue;
            }

            pending &= state.Pending[input];
        }

        var measured = KeyResultScorer.SumOf(definition, sum);
        Store(state, node, measured);
        state.Pending[node] = pending;
    }

    private static OkrStatus WorstOfCountedItems(AlignmentGraph graph, EvaluationState state, int node, OkrStatus own)
    {
        var worst = int.MaxValue;
        for (var i = graph.InputStart[node]; i < graph.InputStart[node + 1]; i++)
        {
            var input = graph.InputNode[i];
            if (double.IsNaN(state.Score[input]))
            {
                continue;
            }

            var rank = StatusRules.WorstRank(state.Status[input]);
            if (rank >= 0 && rank < worst)
            {
                worst = rank;
            }
        }

        return worst == int.MaxValue ? own : StatusRules.FromWorstRank(worst);
    }
}
