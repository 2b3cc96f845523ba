using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Okr.Core;

/// <summary>
/// Evaluates nodes children first (spec sections 3-6): key result measurements, rollups (mean of scores, sum of
/// values), objective scores, pending propagation, grades and statuses. No recursion, and no allocation beyond the
/// state's buffers. A full evaluation makes three passes that follow <see cref="EvaluationPlan"/>: measured key
/// results, checklists (neither has inputs), then objectives and rollups in children-first order.
/// </summary>
internal static class RollupCalculator
{
    public static void EvaluateAll(AlignmentGraph graph, EvaluationState state, DateOnly asOf)
        => EvaluateAll(graph, state, asOf, SecondCore.IsWorthIt(graph.Plan) ? state.SecondCore : null, minimumSplitLevel: 4_096);

    /// <summary>
    /// Nodes per chunk of a pass shared by two cores: a tenth of a millisecond of work or so, small enough that a
    /// core that runs late leaves little for the other to wait for, large enough that taking one costs nothing.
    /// </summary>
    internal const int SplitChunk = 8_192;

    /// <summary>
    /// A full evaluation; with <paramref name="secondCore"/>, the key results and every level of at least
    /// <paramref name="minimumSplitLevel"/> nodes are shared with it, in chunks of <paramref name="chunkSize"/> nodes
    /// (without it, the chunk size is not used).
    /// </summary>
    internal static void EvaluateAll(AlignmentGraph graph, EvaluationState state, DateOnly asOf, SecondCore? secondCore, int minimumSplitLevel, int chunkSize = SplitChunk)
    {
        var plan = graph.Plan;
        PrepareDay(plan, state, asOf);

        // Key results first: they have no inputs. Then objectives and rollups level by level: a level's nodes read
        // only key results and lower levels.
        Share(graph, state, secondCore, new PassRange(0, plan.MeasuredNodes.Length, 0, plan.ChecklistNodes.Length, 0, 0, asOf), chunkSize);
        for (var level = 0; level + 1 < plan.LevelStart.Length; level++)
        {
            var (from, to) = (plan.LevelStart[level], plan.LevelStart[level + 1]);
            Share(graph, state, to - from < minimumSplitLevel ? null : secondCore, new PassRange(0, 0, 0, 0, from, to, asOf), chunkSize);
        }
    }

    /// <summary>Evaluates <paramref name="range"/>: alone, or sharing its chunks with <paramref name="secondCore"/>.</summary>
    private static void Share(AlignmentGraph graph, EvaluationState state, SecondCore? secondCore, PassRange range, int chunkSize)
    {
        if (secondCore is null)
        {
            EvaluateRange(graph, state, range);
            return;
        }

        secondCore.Start(graph, state, range, chunkSize);
        secondCore.Join();
    }

    /// <summary>Evaluates the nodes of <paramref name="range"/>, whose inputs must be evaluated already.</summary>
    public static void EvaluateRange(AlignmentGraph graph, EvaluationState state, PassRange range)
    {
        var plan = graph.Plan;
        var table = graph.Compiled;
        var results = state.Results;
        var keyLimit = CompiledKeyResults.KeyLimit(range.AsOf.DayNumber);
        EvaluateMeasuredNodes(table, state, plan.MeasuredNodes.AsSpan(range.MeasuredFrom, range.MeasuredTo - range.MeasuredFrom), keyLimit);

        foreach (var node in plan.ChecklistNodes.AsSpan(range.ChecklistFrom, range.ChecklistTo - range.ChecklistFrom))
        {
            var share = table.ChecklistShare(node, range.AsOf.DayNumber);
            state.Rules.Finish(ref results[node], node, share, pending: false, CompiledKeyResults.NoConfidence);
        }

        EvaluateComposites(graph, state, range.CompositeFrom, range.CompositeTo, range.AsOf);
    }

    /// <summary>
    /// Re-evaluates <paramref name="changedNode"/> and every node that depends on it, in children-first order, using
    /// <paramref name="workspace"/> instead of allocating. Returns how many nodes it re-evaluated; they are
    /// <c>workspace.Affected[..count]</c>. The state must hold a full evaluation as of <paramref name="asOf"/>.
    /// </summary>
    public static int EvaluateAffected(AlignmentGraph graph, EvaluationState state, AffectedWorkspace workspace, int changedNode, DateOnly asOf)
        => EvaluateAffected(graph, state, workspace, new ReadOnlySpan<int>(in changedNode), asOf);

    /// <summary>
    /// Re-evaluates <paramref name="changedNodes"/> (distinct nodes) and every node that depends on any of them, each
    /// once, in children-first order; otherwise as <see cref="EvaluateAffected(AlignmentGraph, EvaluationState, AffectedWorkspace, int, DateOnly)"/>.
    /// </summary>
    public static int EvaluateAffected(AlignmentGraph graph, EvaluationState state, AffectedWorkspace workspace, ReadOnlySpan<int> changedNodes, DateOnly asOf)
    {
        var stamp = workspace.NextStamp();
        var affected = workspace.Affected;
        var count = 0;
        foreach (var changedNode in changedNodes)
        {
            affected[count++] = changedNode;
            workspace.Seen[changedNode] = stamp;
        }

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
        var plan = graph.Plan;
        var table = graph.Compiled;
        for (var i = 0; i < span.Length; i++)
        {
            var node = span[i] = graph.Order[span[i]];
            ref var result = ref state.Results[node];
            switch (table.Kind[node])
            {
                case NodeKind.Objective or NodeKind.RollupMean:
                    EvaluateMean(graph, state, node);
                    break;
                case NodeKind.RollupSum:
                    EvaluateSum(graph, state, node, plan.SumSlotOf(node), plan.PaceClassOf[node], asOf);
                    break;
                case var _ when state.IsFromRecord(node):
                    EvaluateRecord(plan, state, ref result, node, asOf);
                    break;
                case NodeKind.Checklist:
                    state.Rules.Finish(ref result, node, table.ChecklistShare(node, asOf.DayNumber), pending: false, CompiledKeyResults.NoConfidence);
                    break;
                default:
                    EvaluateMeasured(table, state.Rules, ref result, node, CompiledKeyResults.KeyLimit(asOf.DayNumber));
                    break;
            }
        }

        return count;
    }

    /// <summary>The current value of a sum rollup's contributor: a measured key result's latest value (or baseline), or a sum.</summary>
    public static decimal? ContributorCurrent(AlignmentGraph graph, EvaluationState state, int input, int valueAt, DateOnly asOf)
    {
        if (valueAt < 0)
        {
            return state.SumCurrent[~valueAt];
        }

        if (state.IsFromRecord(input))
        {
            return RecordCurrent(state.KeyResults[input]!, asOf);
        }

        return graph.Plan.SummedValues[valueAt + 1 + state.Results[input].Latest];
    }

    /// <summary>A key result's current value from its record (reports, and key results changed after compiling).</summary>
    public static decimal? RecordCurrent(KeyResult keyResult, DateOnly asOf) => RecordCurrent(keyResult, keyResult.LatestCheckIn(asOf));

    /// <summary>A key result's current value from its record, given its latest check-in as of the day (or null).</summary>
    public static decimal? RecordCurrent(KeyResult keyResult, CheckIn? latest)
        => keyResult.Definition.IsMeasured ? KeyResultScorer.CurrentOf(keyResult.Definition, latest?.Value) : null;

    /// <summary>Each pace class's day-dependent part, computed once per evaluation.</summary>
    private static void PrepareDay(EvaluationPlan plan, EvaluationState state, DateOnly asOf)
    {
        for (var i = 0; i < plan.PaceClasses.Length; i++)
        {
            state.Pace[i] = PaceAsOf.For(plan.PaceClasses[i], asOf);
        }
    }

    /// <summary>
    /// <see cref="EvaluateMeasured"/> for many nodes, with the status rules and the check-in arrays in locals: this
    /// loop runs for most nodes, and reading them through their owners on every node costs more than it seems.
    /// </summary>
    private static void EvaluateMeasuredNodes(CompiledKeyResults table, EvaluationState state, ReadOnlySpan<int> nodes, int keyLimit)
    {
        var rules = state.Rules;
        var results = state.Results;
        var (starts, keys, attainments) = (table.CheckInStart, table.CheckInKey, table.CheckInAttainment);
        foreach (var node in nodes)
        {
            Measure(starts, keys, attainments, rules, ref results[node], node, keyLimit);
        }
    }

    /// <summary>increase, decrease, atLeast, atMost, within, milestone: the latest check-in's precomputed attainment.</summary>
    private static void EvaluateMeasured(CompiledKeyResults table, in StatusRulesAsOf rules, ref NodeResult result, int node, int keyLimit)
        => Measure(table.CheckInStart, table.CheckInKey, table.CheckInAttainment, rules, ref result, node, keyLimit);

    /// <summary>A measured key result from its compiled check-ins (see <see cref="CompiledKeyResults"/>); pending when none is on or before the day.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Measure(int[] starts, int[] keys, double[] attainments, in StatusRulesAsOf rules, ref NodeResult result, int node, int keyLimit)
    {
        var start = starts[node];
        var count = CompiledKeyResults.CountAtOrBefore(keys, start, starts[node + 1], keyLimit);
        result.Latest = count - 1;
        if (count == 0)
        {
            rules.Finish(ref result, node, 0, pending: true, CompiledKeyResults.NoConfidence);
            return;
        }

        var latest = start + count - 1;
        rules.Finish(ref result, node, attainments[latest], pending: false, CompiledKeyResults.ConfidenceOf(keys[latest]));
    }

    /// <summary>A key result whose check-ins changed after compiling (incremental evaluation): scored from its record.</summary>
    private static void EvaluateRecord(EvaluationPlan plan, EvaluationState state, ref NodeResult result, int node, DateOnly asOf)
    {
        var keyResult = state.KeyResults[node]!;
        var checkIns = keyResult.CheckIns.AsSpan();
        var measured = KeyResultScorer.Score(keyResult.Definition, checkIns, asOf);
        var latest = KeyResultScorer.LatestIndex(checkIns, asOf);
        var confidence = latest < 0 ? CompiledKeyResults.NoConfidence : checkIns[latest].Confidence ?? CompiledKeyResults.NoConfidence;
        state.Rules.Finish(ref result, node, measured.Attainment.GetValueOrDefault(), measured.IsPending, confidence);
    }

    /// <summary>
    /// Objectives and rollups at positions [<paramref name="from"/>, <paramref name="to"/>) of the plan's composite
    /// order. Everything read per position is in plan arrays in that order, so the only scattered reads are the
    /// inputs' results and the node's own; the status rules are copied into a local, as for measured key results.
    /// </summary>
    private static void EvaluateComposites(AlignmentGraph graph, EvaluationState state, int from, int to, DateOnly asOf)
    {
        var plan = graph.Plan;
        var rules = state.Rules;
        var results = state.Results;
        var (order, starts, inputs, weights, paceClasses) = (plan.CompositeOrder, plan.CompositeInputStart, plan.CompositeInputNode, plan.CompositeInputWeight, plan.CompositePaceClass);

        // Sum rollups come in slot order (the plan numbers them so), which saves looking each slot up.
        var slot = plan.FirstSumSlotFrom(from);
        var nextSum = plan.SumPositionOf(slot);
        var prefetchUntil = plan.IsSparse(from) ? Math.Max(from, to - PrefetchDistance) : from;
        for (var position = from; position < to; position++)
        {
            if (position < prefetchUntil)
            {
                PrefetchResults(results, order, starts, inputs, position + PrefetchDistance);
            }

            var node = order[position];
            if (position == nextSum)
            {
                EvaluateSum(graph, state, node, slot++, paceClasses[position], asOf);
                nextSum = plan.SumPositionOf(slot);
                continue;
            }

            var (first, count) = (starts[position], starts[position + 1] - starts[position]);
            var mean = WeightedMean(results, inputs.AsSpan(first, count), weights.AsSpan(first, count), out var pending);
            rules.FinishInClass(ref results[node], paceClasses[position], mean, pending, CompiledKeyResults.NoConfidence);
            if (plan.WorstMode)
            {
                ApplyWorstMode(graph, results, node, inputs.AsSpan(first, count));
            }
        }
    }

    /// <summary>How many positions ahead <see cref="EvaluateComposites"/> asks for the results it will read.</summary>
    private const int PrefetchDistance = 8;

    /// <summary>
    /// Asks the processor to start loading the results the node at <paramref name="position"/> reads and writes. In
    /// a sparse level each of those is a cache miss, and without this the loop waits for them one node at a time
    /// (at 1,000,000 objectives this halves the time of levels 1 to 3); in a dense level the lines are mostly
    /// there already and the hints only cost. A prefetch never faults, so a stale address would only waste it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void PrefetchResults(NodeResult[] results, int[] order, int[] starts, int[] inputs, int position)
    {
        if (!Sse.IsSupported)
        {
            return;
        }

        CacheHints.At(ref results[order[position]]);
        for (var i = starts[position]; i < starts[position + 1]; i++)
        {
            CacheHints.At(ref results[inputs[i]]);
        }
    }

    /// <summary>An objective or a mean rollup evaluated on its own (incremental evaluation), from the graph's input lists.</summary>
    private static void EvaluateMean(AlignmentGraph graph, EvaluationState state, int node)
    {
        var (first, count) = (graph.InputStart[node], graph.InputStart[node + 1] - graph.InputStart[node]);
        var inputs = graph.InputNode.AsSpan(first, count);
        var results = state.Results;
        var mean = WeightedMean(results, inputs, graph.InputWeight.AsSpan(first, count), out var pending);
        state.Rules.Finish(ref results[node], node, mean, pending, CompiledKeyResults.NoConfidence);
        if (graph.Plan.WorstMode)
        {
            ApplyWorstMode(graph, results, node, inputs);
        }
    }

    /// <summary>
    /// The weighted mean of the scored inputs, summed in input order (an objective's or a mean rollup's attainment),
    /// or NaN when none is scored. Pending when every counted input is pending, also when none is counted.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double WeightedMean(NodeResult[] results, ReadOnlySpan<int> inputs, ReadOnlySpan<double> weights, out bool pending)
    {
        double weighted = 0;
        double totalWeight = 0;
        pending = true;
        for (var i = 0; i < inputs.Length; i++)
        {
            ref readonly var input = ref results[inputs[i]];
            var score = input.Score;
            if (double.IsNaN(score))
            {
                continue;
            }

            var weight = weights[i];
            weighted += weight * score;
            totalWeight += weight;
            pending &= input.Pending;
        }

        if (ScoreMath.NeedsRescaling(totalWeight))
        {
            return RescaledWeightedMean(results, inputs, weights);
        }

        return totalWeight > 0 ? ScoreMath.Normalize(weighted / totalWeight) : double.NaN;
    }

    /// <summary><see cref="WeightedMean"/> of weights so large that their total overflows, each scaled by the same power of two.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double RescaledWeightedMean(NodeResult[] results, ReadOnlySpan<int> inputs, ReadOnlySpan<double> weights)
    {
        double weighted = 0;
        double totalWeight = 0;
        for (var i = 0; i < inputs.Length; i++)
        {
            var score = results[inputs[i]].Score;
            if (!double.IsNaN(score))
            {
                var weight = Math.ScaleB(weights[i], ScoreMath.RescaleExponent);
                weighted += weight * score;
                totalWeight += weight;
            }
        }

        return ScoreMath.Normalize(weighted / totalWeight);
    }

    /// <summary>objectiveStatus "worst": an objective under way takes the worst status among its counted, scored items.</summary>
    private static void ApplyWorstMode(AlignmentGraph graph, NodeResult[] results, int node, ReadOnlySpan<int> inputs)
    {
        ref var result = ref results[node];
        if (graph.IsObjective(node) && StatusRules.IsUnderWay(result.Status))
        {
            result.StatusCode = (byte)WorstOfCountedItems(results, inputs, result.Status);
        }
    }

    /// <summary>A sum rollup: current = the sum of the contributors' current values (those that have one); else the baseline.</summary>
    // Out of line: inlined into EvaluateComposites' loop (most of whose nodes are no sums) it made that loop slower.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void EvaluateSum(AlignmentGraph graph, EvaluationState state, int node, int slot, int paceClass, DateOnly asOf)
    {
        var plan = graph.Plan;
        if (plan.SumInUnits[slot].IsInUnits && !AnyFromRecord(plan, state, slot))
        {
            EvaluateSumInUnits(plan, state, node, slot, paceClass);
            return;
        }

        var sum = default(ExactDecimalSum);
        var pending = true;
        for (var i = plan.SumInputStart[slot]; i < plan.SumInputStart[slot + 1]; i++)
        {
            var input = plan.SumInputNode[i];
            if (ContributorCurrent(graph, state, input, plan.SumInputValue[i], asOf) is not { } value)
            {
                continue;
            }

            sum.Add(value);
            pending &= state.Results[input].Pending;
        }

        // With no contributor value the current value is the baseline, whose attainment the plan knows.
        var baseline = plan.SumBaseline[slot];
        var current = sum.HasValue ? sum.Total() : baseline;
        state.SumCurrent[slot] = current;
        var attainment = sum.HasValue ? ScoreMath.Attainment(current, baseline, plan.SumTarget[slot]) : plan.SumBaselineAttainment[slot];
        state.Rules.FinishInClass(ref state.Results[node], paceClass, attainment, pending, CompiledKeyResults.NoConfidence);
    }

    /// <summary>
    /// A sum rollup whose values are integers at one scale (<see cref="UnitSum"/>): the same sum and attainment as in
    /// decimals, without decimal arithmetic. The current value keeps the scale decimal addition gives it, the largest
    /// among the values added.
    /// </summary>
    private static void EvaluateSumInUnits(EvaluationPlan plan, EvaluationState state, int node, int slot, int paceClass)
    {
        var results = state.Results;
        var (units, scales) = (plan.SummedValues.Units, plan.SummedValues.Scales);
        var unitSum = plan.SumInUnits[slot];
        long sum = 0;
        var largestScale = -1;
        var pending = true;
        for (var i = plan.SumInputStart[slot]; i < plan.SumInputStart[slot + 1]; i++)
        {
            ref readonly var input = ref results[plan.SumInputNode[i]];
            var entry = plan.SumInputValue[i] + 1 + input.Latest;
            var scale = scales[entry];
            if (scale == SummedValueTable.NoValue)
            {
                continue;
            }

            sum += units[entry] * (long)UnitSum.PowerOfTen[unitSum.Scale - scale];
            largestScale = Math.Max(largestScale, scale);
            pending &= input.Pending;
        }

        if (largestScale < 0)
        {
            state.SumCurrent[slot] = plan.SumBaseline[slot];
            state.Rules.FinishInClass(ref results[node], paceClass, plan.SumBaselineAttainment[slot], pending, CompiledKeyResults.NoConfidence);
            return;
        }

        state.SumCurrent[slot] = SummedValueTable.FromUnits(sum / (long)UnitSum.PowerOfTen[unitSum.Scale - largestScale], (byte)largestScale);
        var attainment = ScoreMath.Normalize((double)(sum - unitSum.Baseline) / unitSum.Span);
        state.Rules.FinishInClass(ref results[node], paceClass, attainment, pending, CompiledKeyResults.NoConfidence);
    }

    /// <summary>Whether a contributor of sum <paramref name="slot"/> changed after compiling (the plan's values are then not its values).</summary>
    private static bool AnyFromRecord(EvaluationPlan plan, EvaluationState state, int slot)
    {
        if (state.UseRecord is null)
        {
            return false;
        }

        foreach (var input in plan.SumInputNode.AsSpan(plan.SumInputStart[slot], plan.SumInputStart[slot + 1] - plan.SumInputStart[slot]))
        {
            if (state.IsFromRecord(input))
            {
                return true;
            }
        }

        return false;
    }

    private static OkrStatus WorstOfCountedItems(NodeResult[] results, ReadOnlySpan<int> inputs, OkrStatus own)
    {
        var worst = int.MaxValue;
        foreach (var node in inputs)
        {
            ref readonly var input = ref results[node];
            if (double.IsNaN(input.Attainment))
            {
                continue;
            }

            var rank = StatusRules.WorstRank(input.Status);
            if (rank >= 0 && rank < worst)
            {
                worst = rank;
            }
        }

        return worst == int.MaxValue ? own : StatusRules.FromWorstRank(worst);
    }
}

/// <summary>What statuses and grades depend on in one evaluation besides a node's own numbers.</summary>
internal readonly struct StatusRulesAsOf(EvaluationPlan plan, PaceAsOf[] paces)
{
    private readonly StatusThresholds _thresholds = plan.Thresholds;
    private readonly double[] _gradeFloors = plan.GradeFloors;

    /// <summary>The grade floors in one vector, padded with +infinity (which no score reaches), when they fit.</summary>
    private readonly Vector256<double> _gradeFloorVector = FloorVector(plan.GradeFloors);

    private readonly bool _gradeFloorsFitVector = Vector256.IsHardwareAccelerated && plan.GradeFloors.Length <= Vector256<double>.Count;
    private readonly int[] _paceClassOf = plan.PaceClassOf;
    private readonly PaceAsOf[] _paces = paces;

    /// <summary>Stores a node's attainment (its score is <c>clamp01</c> of it) and pending flag, then its grade and its status (rules 1-7).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Finish(ref NodeResult result, int node, double attainment, bool pending, int confidence)
        => FinishInClass(ref result, _paceClassOf[node], attainment, pending, confidence);

    /// <summary><see cref="Finish"/> for a node of pace class <paramref name="paceClass"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void FinishInClass(ref NodeResult result, int paceClass, double attainment, bool pending, int confidence)
    {
        var score = ScoreMath.ClampUnbranched(attainment);
        result.Attainment = attainment;
        result.Pending = pending;
        result.StatusCode = (byte)StatusRules.Decide(_paces[paceClass], _thresholds, score, pending, confidence);
        result.Grade = double.IsNaN(score) ? NodeResult.NoGrade : GradeOf(score);
    }

    /// <summary>The number of band starts after the first that the score reaches (they increase strictly).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private sbyte GradeOf(double score)
    {
        if (_gradeFloorsFitVector)
        {
            // A scale of up to five bands (the default has three): every floor compared at once.
            return (sbyte)BitOperations.PopCount(Vector256.GreaterThanOrEqual(Vector256.Create(score), _gradeFloorVector).ExtractMostSignificantBits());
        }

        sbyte grade = 0;
        foreach (var floor in _gradeFloors)
        {
            grade += score >= floor ? (sbyte)1 : (sbyte)0;
        }

        return grade;
    }

    private static Vector256<double> FloorVector(double[] floors)
    {
        Span<double> padded = [double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity];
        floors.AsSpan(0, Math.Min(floors.Length, padded.Length)).CopyTo(padded);
        return Vector256.Create<double>(padded);
    }
}
