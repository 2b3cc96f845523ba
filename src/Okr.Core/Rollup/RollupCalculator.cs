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
    /// Re-evaluates <paramref name="changedNode"/> and every node that depends on it, in children-first order, using
    /// <paramref name="workspace"/> instead of allocating. Returns how many nodes it re-evaluated; they are
    /// <c>workspace.Affected[..count]</c>.
    /// </summary>
    public static int EvaluateAffected(AlignmentGraph graph, EvaluationState state, AffectedWorkspace workspace, int changedNode, DateOnly asOf)
    {
        var stamp = workspace.NextStamp();
        var affected = workspace.Affected;
        var count = 0;
        affected[count++] = changedNode;
        workspace.Seen[changedNode] = stamp;
        for (var i = 0; i < count; i++)
        {
            var node = affected[i];
            for (var d = graph.DependentStart[node]; d < graph.DependentStart[node + 1]; d++)
            {
                var dependent = graph.DependentNode[d];
                if (workspace.Seen[dependent] != stamp)
                {
                    workspace.Seen[dependent] = stamp;
                    affected[count++] = dependent;
                }
            }
        }

        // Children first: sort by position in the order, then map the positions back to nodes.
        var span = affected.AsSpan(0, count);
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = workspace.OrderPosition[span[i]];
        }

        span.Sort();
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = graph.Order[span[i]];
            EvaluateNode(graph, state, span[i], asOf);
        }

        return count;
    }

    private static void EvaluateNode(AlignmentGraph graph, EvaluationState state, int node, DateOnly asOf)
    {
        var table = graph.Compiled;
        var kind = table.Kind[node];
        var confidence = CompiledKeyResults.NoConfidence;
        if (state.UseRecord is { } useRecord && useRecord[node])
        {
            confidence = EvaluateRecord(state, node, asOf);
        }
        else
        {
            switch (kind)
            {
                case NodeKind.Objective:
                case NodeKind.RollupMean:
                    EvaluateMean(graph, state, node);
                    break;
                case NodeKind.RollupSum:
                    EvaluateSum(graph, state, node);
                    break;
                case NodeKind.Checklist:
                    state.Latest[node] = -1;
                    var share = table.ChecklistShare(node, asOf.DayNumber);
                    SetMeasured(state, node, hasCurrent: false, current: 0, share, pending: false);
                    break;
                default:
                    confidence = EvaluateMeasured(table, state, node, kind, asOf.DayNumber);
                    break;
            }
        }

        var period = graph.PeriodOf[node];
        var score = state.Score[node];
        var settings = graph.Set.Settings;
        var status = StatusRules.Decide(
            double.IsNaN(score) ? null : score,
            state.Pending[node],
            period.Start,
            period.End,
            graph.SuccessTarget[node],
            asOf,
            settings,
            confidence < 0 ? null : confidence);
        if (kind == NodeKind.Objective && settings.ObjectiveStatus == ObjectiveStatusMode.Worst && StatusRules.IsUnderWay(status))
        {
            status = WorstOfCountedItems(graph, state, node, status);
        }

        state.Status[node] = status;
        state.Grade[node] = double.IsNaN(score) ? EvaluationState.NoGrade : (sbyte)settings.Scale.BandIndexOf(score);
    }

    /// <summary>increase, decrease, atLeast, atMost, within, milestone from the flat check-ins; returns the latest check-in's confidence.</summary>
    private static sbyte EvaluateMeasured(CompiledKeyResults table, EvaluationState state, int node, NodeKind kind, int day)
    {
        var latest = table.LatestAsOf(node, day);
        var pending = latest < 0;
        state.Latest[node] = pending ? -1 : table.CheckInSource[latest];
        Store(state, node, KeyResultScorer.Measure(kind, table.First[node], table.Second[node], pending ? null : table.CheckInValue[latest]));
        return pending ? CompiledKeyResults.NoConfidence : table.CheckInConfidence[latest];
    }

    /// <summary>A key result whose check-ins changed after compiling (incremental evaluation): scored from its record.</summary>
    private static sbyte EvaluateRecord(EvaluationState state, int node, DateOnly asOf)
    {
        var keyResult = state.KeyResults[node]!;
        var checkIns = keyResult.CheckIns.AsSpan();
        var latest = KeyResultScorer.LatestIndex(checkIns, asOf);
        state.Latest[node] = latest;
        var measured = keyResult.Kind == KeyResultKind.Checklist
            ? KeyResultScorer.Score(keyResult.Definition, checkIns, asOf)
            : KeyResultScorer.Measure(keyResult.Definition, latest < 0 ? null : checkIns[latest].Value);
        Store(state, node, measured);
        return (sbyte)(latest < 0 ? CompiledKeyResults.NoConfidence : checkIns[latest].Confidence ?? CompiledKeyResults.NoConfidence);
    }

    private static void SetMeasured(EvaluationState state, int node, bool hasCurrent, decimal current, double attainment, bool pending)
    {
        state.Score[node] = ScoreMath.Clamp01(attainment);
        state.Attainment[node] = attainment;
        state.HasCurrent[node] = hasCurrent;
        state.Current[node] = hasCurrent ? current : 0;
        state.Pending[node] = pending;
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
        state.Latest[node] = -1;
        state.Score[node] = mean;
        state.Attainment[node] = mean;
        state.HasCurrent[node] = false;
        state.Current[node] = 0;
        state.Pending[node] = pending;
    }

    /// <summary>A sum rollup: current = the sum of the inputs' current values (those that have one); else the baseline.</summary>
    private static void EvaluateSum(AlignmentGraph graph, EvaluationState state, int node)
    {
        state.Latest[node] = -1;
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

        var baseline = graph.Compiled.First[node];
        var current = sum ?? baseline;
        SetMeasured(state, node, hasCurrent: true, current, ScoreMath.Attainment(current, baseline, graph.Compiled.Second[node]), pending);
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
