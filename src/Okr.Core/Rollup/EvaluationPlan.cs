using System.Runtime.CompilerServices;

namespace Okr.Core;

/// <summary>
/// How a compiled graph is evaluated, decided once: which nodes are measured key results (no inputs: scored in one
/// pass in node order, any order would do), which are checklists, and the objectives and rollups in children-first
/// order; each node's pace class (its period and success target, so a status needs no period lookup); the settings'
/// thresholds; and what sum rollups add (their contributors and the decimal values those can take).
/// </summary>
internal sealed class EvaluationPlan
{
    // (A plan is made from the graph's arrays before the graph itself: see PlanSource.)

    private readonly int[] _sumNodesSorted;
    private readonly bool[] _sparseLevel;

    // The positions of the sum rollups in CompositeOrder, increasing: slot s is at _sumPositions[s].
    private readonly int[] _sumPositions;
    private readonly int[] _sumSlotsSorted;

    private EvaluationPlan(PlanSource graph)
    {
        var kinds = graph.Kind;
        var settings = graph.Settings;
        // Counted first, so that each list is allocated once at its size (millions of nodes).
        var (measuredCount, checklistCount) = (0, 0);
        foreach (var kind in kinds)
        {
            measuredCount += IsMeasured(kind) ? 1 : 0;
            checklistCount += kind == NodeKind.Checklist ? 1 : 0;
        }

        MeasuredNodes = new int[measuredCount];
        ChecklistNodes = new int[checklistCount];
        var (measured, checklists) = (0, 0);
        for (var node = 0; node < graph.NodeCount; node++)
        {
            if (kinds[node] == NodeKind.Checklist)
            {
                ChecklistNodes[checklists++] = node;
            }
            else if (IsMeasured(kinds[node]))
            {
                MeasuredNodes[measured++] = node;
            }
        }

        (CompositeOrder, LevelStart) = OrderByLevel(graph, graph.NodeCount - measuredCount - checklistCount);
        (CompositeInputStart, CompositeInputNode, CompositeInputWeight) = InputsInOrder(graph, CompositeOrder);
        _sparseLevel = new bool[LevelStart.Length - 1];
        for (var level = 0; level < _sparseLevel.Length; level++)
        {
            var (from, to) = (LevelStart[level], LevelStart[level + 1]);
            _sparseLevel[level] = CompositeOrder[to - 1] - CompositeOrder[from] >= (long)SparseGap * (to - from);
        }
        var sumNodes = new List<int>();
        var sumPositions = new List<int>();
        for (var position = 0; position < CompositeOrder.Length; position++)
        {
            if (kinds[CompositeOrder[position]] == NodeKind.RollupSum)
            {
                sumNodes.Add(CompositeOrder[position]);
                sumPositions.Add(position);
            }
        }

        _sumPositions = [.. sumPositions];

        (PaceClassOf, PaceClasses) = (graph.PaceClassOf, graph.PaceClasses);
        CompositePaceClass = new int[CompositeOrder.Length];
        for (var position = 0; position < CompositeOrder.Length; position++)
        {
            CompositePaceClass[position] = PaceClassOf[CompositeOrder[position]];
        }

        Thresholds = StatusThresholds.Of(settings);
        WorstMode = settings.ObjectiveStatus == ObjectiveStatusMode.Worst;
        var bands = settings.Scale.Bands;
        GradeFloors = new double[bands.Count - 1];
        for (var i = 1; i < bands.Count; i++)
        {
            GradeFloors[i - 1] = bands[i].From - ScoreMath.Tolerance;
        }

        SumNodes = [.. sumNodes];
        (_sumNodesSorted, _sumSlotsSorted) = SortedSlots(SumNodes);
        (SumBaseline, SumTarget, SumInputStart, SumInputNode, SumInputValue, SummedValues) = BuildSums(graph);
        SumBaselineAttainment = new double[SumNodes.Length];
        SumInUnits = new UnitSum[SumNodes.Length];
        for (var slot = 0; slot < SumNodes.Length; slot++)
        {
            SumBaselineAttainment[slot] = ScoreMath.Attainment(SumBaseline[slot], SumBaseline[slot], SumTarget[slot]);
            SumInUnits[slot] = UnitSumOf(graph.CheckInStart, slot);
        }
    }

    /// <summary>Measured key results (increase, decrease, atLeast, atMost, within, milestone), in node order.</summary>
    public int[] MeasuredNodes { get; }

    /// <summary>Checklist key results, in node order.</summary>
    public int[] ChecklistNodes { get; }

    /// <summary>Objectives and rollup key results, children first.</summary>
    public int[] CompositeOrder { get; }

    /// <summary>
    /// Where each level of <see cref="CompositeOrder"/> starts (and, last, its length): a level's nodes read only
    /// nodes of lower levels and key results, so they can be evaluated in any order, or side by side.
    /// </summary>
    public int[] LevelStart { get; }

    /// <summary>
    /// The counted inputs of the node at position p of <see cref="CompositeOrder"/>:
    /// <c>CompositeInputNode[CompositeInputStart[p]..CompositeInputStart[p + 1]]</c>, in summation order. The graph's
    /// own lists are in node order; read in evaluation order, a sparse level (a few nodes in a thousand) pays for the
    /// chain node, its input range, its inputs, their results with a cache miss at each step. These are read
    /// front to back, so only the inputs' results are scattered, and those loads do not wait for one another.
    /// </summary>
    public int[] CompositeInputStart { get; }

    public int[] CompositeInputNode { get; }

    public double[] CompositeInputWeight { get; }

    /// <summary>The pace class of the node at each position of <see cref="CompositeOrder"/> (read in order, unlike <see cref="PaceClassOf"/>).</summary>
    public int[] CompositePaceClass { get; }

    /// <summary>Each node's index in <see cref="PaceClasses"/>.</summary>
    public int[] PaceClassOf { get; }

    /// <summary>The (period, success target) pairs: two per period of the set, aspirational then committed (made by the build's gathering).</summary>
    public PaceClass[] PaceClasses { get; }

    /// <summary>The settings' part of rules 6 and 7.</summary>
    public StatusThresholds Thresholds { get; }

    public bool WorstMode { get; }

    /// <summary>The start of grade band i + 1, tolerance included (bands start strictly increasing, so the grade is the count reached).</summary>
    public double[] GradeFloors { get; }

    /// <summary>Sum rollups, in the order <see cref="CompositeOrder"/> meets them: a sum's slot is its index here.</summary>
    public int[] SumNodes { get; }

    public decimal[] SumBaseline { get; }

    public decimal[] SumTarget { get; }

    /// <summary>A sum rollup's attainment at its baseline (when no contributor has a value), decimal arithmetic done once.</summary>
    public double[] SumBaselineAttainment { get; }

    /// <summary>Contributors of sum slot s: <c>SumInputStart[s]..SumInputStart[s+1]</c>, in summation order (link weight &gt; 0).</summary>
    public int[] SumInputStart { get; }

    public int[] SumInputNode { get; }

    /// <summary>
    /// For a measured contributor, where its values start in <see cref="SummedValues"/>: the value with no check-in
    /// (its baseline), then one per check-in in evaluation order. For a sum contributor, the bitwise complement of its slot.
    /// </summary>
    public int[] SumInputValue { get; }

    public SummedValueTable SummedValues { get; }

    /// <summary>How each sum rollup is added: as integers when its values allow it, else in decimals.</summary>
    public UnitSum[] SumInUnits { get; }

    public static EvaluationPlan For(PlanSource graph) => new(graph);

    /// <summary>The slot of the first sum rollup at or after <paramref name="position"/> in <see cref="CompositeOrder"/>.</summary>
    public int FirstSumSlotFrom(int position)
    {
        var found = Array.BinarySearch(_sumPositions, position);
        return found >= 0 ? found : ~found;
    }

    /// <summary>The position in <see cref="CompositeOrder"/> of sum slot <paramref name="slot"/>, or <see cref="int.MaxValue"/> past the last.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int SumPositionOf(int slot) => slot < _sumPositions.Length ? _sumPositions[slot] : int.MaxValue;

    /// <summary>
    /// Whether the level holding <paramref name="position"/> of <see cref="CompositeOrder"/> is sparse: on average
    /// at least <see cref="SparseGap"/> nodes apart, so that reading its nodes' results misses the cache.
    /// </summary>
    public bool IsSparse(int position)
    {
        if ((uint)position >= (uint)CompositeOrder.Length)
        {
            return false;
        }

        // The level whose start is the last at or before the position (a chain of a million objectives has a
        // million levels, one node each, so no scan).
        var found = Array.BinarySearch(LevelStart, position);
        return _sparseLevel[found >= 0 ? found : ~found - 1];
    }

    /// <summary>The average distance between a level's nodes from which <see cref="IsSparse"/> holds (a 64-byte line holds 4 nodes' results, so such a level uses a line or less per node).</summary>
    private const int SparseGap = 16;

    /// <summary>The slot of sum rollup <paramref name="node"/> in <see cref="SumNodes"/>.</summary>
    public int SumSlotOf(int node) => _sumSlotsSorted[Array.BinarySearch(_sumNodesSorted, node)];

    /// <summary>
    /// Objectives and rollups children first, by level (0: no objective or rollup among its inputs; else one more
    /// than the highest such input), in node order within a level: the graph's order would also be children first,
    /// but jumps around memory, and reading each node's inputs then costs a cache miss each.
    /// </summary>
    private static (int[] Order, int[] LevelStart) OrderByLevel(PlanSource graph, int count)
    {
        var kinds = graph.Kind;
        var level = new int[graph.NodeCount];
        var levelCount = new List<int>();
        foreach (var node in graph.Order)
        {
            if (!IsComposite(kinds[node]))
            {
                continue;
            }

            var highest = -1;
            for (var i = graph.InputStart[node]; i < graph.InputStart[node + 1]; i++)
            {
                var input = graph.InputNode[i];
                if (IsComposite(kinds[input]))
                {
                    highest = Math.Max(highest, level[input]);
                }
            }

            level[node] = highest + 1;
            if (level[node] == levelCount.Count)
            {
                levelCount.Add(0);
            }

            levelCount[level[node]]++;
        }

        // A counting sort by level; node order within a level.
        var levelStart = new int[levelCount.Count + 1];
        for (var l = 1; l < levelStart.Length; l++)
        {
            levelStart[l] = levelStart[l - 1] + levelCount[l - 1];
        }

        var next = (int[])levelStart.Clone();

        var order = new int[count];
        for (var node = 0; node < graph.NodeCount; node++)
        {
            if (IsComposite(kinds[node]))
            {
                order[next[level[node]]++] = node;
            }
        }

        return (order, levelStart);
    }

    private static (int[] Start, int[] Node, double[] Weight) InputsInOrder(PlanSource graph, int[] order)
    {
        var start = new int[order.Length + 1];
        for (var position = 0; position < order.Length; position++)
        {
            var node = order[position];
            start[position + 1] = start[position] + graph.InputStart[node + 1] - graph.InputStart[node];
        }

        var inputs = new int[start[order.Length]];
        var weights = new double[inputs.Length];
        for (var position = 0; position < order.Length; position++)
        {
            var node = order[position];
            var (from, length) = (graph.InputStart[node], graph.InputStart[node + 1] - graph.InputStart[node]);
            Array.Copy(graph.InputNode, from, inputs, start[position], length);
            Array.Copy(graph.InputWeight, from, weights, start[position], length);
        }

        return (start, inputs, weights);
    }

    private static bool IsComposite(NodeKind kind) => kind is NodeKind.Objective or NodeKind.RollupMean or NodeKind.RollupSum;

    private static bool IsMeasured(NodeKind kind) => kind is not NodeKind.Checklist && !IsComposite(kind);

    private static (int[] Nodes, int[] Slots) SortedSlots(int[] sumNodes)
    {
        var nodes = (int[])sumNodes.Clone();
        var slots = new int[nodes.Length];
        for (var i = 0; i < slots.Length; i++)
        {
            slots[i] = i;
        }

        Array.Sort(nodes, slots);
        return (nodes, slots);
    }

    private (decimal[], decimal[], int[], int[], int[], SummedValueTable) BuildSums(PlanSource graph)
    {
        var baseline = new decimal[SumNodes.Length];
        var target = new decimal[SumNodes.Length];
        var start = new int[SumNodes.Length + 1];
        var inputs = new List<int>();
        var valueOf = new List<int>();
        var values = new SummedValueTable.Builder();
        var segments = new Dictionary<int, int>();
        var sortKeys = new long[16];
        for (var slot = 0; slot < SumNodes.Length; slot++)
        {
            var node = SumNodes[slot];
            var definition = graph.KeyResults[node]!.Definition;
            baseline[slot] = definition.Baseline.GetValueOrDefault();
            target[slot] = definition.Target.GetValueOrDefault();
            start[slot] = inputs.Count;
            for (var i = graph.InputStart[node]; i < graph.InputStart[node + 1]; i++)
            {
                var input = graph.InputNode[i];
                inputs.Add(input);
                if (graph.Kind[input] == NodeKind.RollupSum)
                {
                    valueOf.Add(~SumSlotOf(input));
                    continue;
                }

                if (!segments.TryGetValue(input, out var segment))
                {
                    // The value with no check-in (a ratio's baseline; the other kinds have none), then the check-ins'.
                    segment = values.Count;
                    segments.Add(input, segment);
                    var keyResult = graph.KeyResults[input]!;
                    values.Add(graph.Kind[input] == NodeKind.Ratio ? keyResult.Definition.Baseline.GetValueOrDefault() : null);
                    var checkIns = keyResult.CheckIns.AsSpan();
                    foreach (var key in CompiledKeyResults.SortByDay(checkIns, ref sortKeys))
                    {
                        values.Add(checkIns[(int)(key & 0xFFFF_FFFF)].Value);
                    }
                }

                valueOf.Add(segment);
            }
        }

        start[SumNodes.Length] = inputs.Count;
        return (baseline, target, start, [.. inputs], [.. valueOf], values.ToTable());
    }

    /// <summary>
    /// Whether sum slot <paramref name="slot"/> can be added as integers: no contributor is a sum, and every value it
    /// may add, its baseline and its target are integers at one scale (the largest of theirs) whose magnitudes, the
    /// baseline's and each contributor's largest, add up to less than 2^53.
    /// </summary>
    private UnitSum UnitSumOf(int[] checkInStart, int slot)
    {
        int scale = Math.Max(SumBaseline[slot].Scale, SumTarget[slot].Scale);
        for (var i = SumInputStart[slot]; i < SumInputStart[slot + 1]; i++)
        {
            if (SumInputValue[i] < 0)
            {
                return UnitSum.InDecimals;
            }

            foreach (var entryScale in ValuesOf(checkInStart, i, SummedValues.Scales))
            {
                if (entryScale == SummedValueTable.Wide)
                {
                    return UnitSum.InDecimals;
                }

                scale = entryScale == SummedValueTable.NoValue ? scale : Math.Max(scale, entryScale);
            }
        }

        if (scale > UnitSum.MaxScale
            || !ScoreMath.TryScaledInteger(SumBaseline[slot], scale, out var baseline)
            || !ScoreMath.TryScaledInteger(SumTarget[slot], scale, out var target)
            || target == baseline || (ulong)Math.Abs(target - baseline) > UnitSum.MaxUnits)
        {
            return UnitSum.InDecimals;
        }

        var bound = (ulong)Math.Abs(baseline);
        for (var i = SumInputStart[slot]; i < SumInputStart[slot + 1]; i++)
        {
            ulong largest = 0;
            var first = SumInputValue[i];
            var scales = ValuesOf(checkInStart, i, SummedValues.Scales);
            for (var entry = 0; entry < scales.Length; entry++)
            {
                var magnitude = (ulong)Math.Abs(SummedValues.Units[first + entry]);
                if (!ScoreMath.TryScaleUp(ref magnitude, scale - (scales[entry] == SummedValueTable.NoValue ? scale : scales[entry])))
                {
                    return UnitSum.InDecimals;
                }

                largest = Math.Max(largest, magnitude);
            }

            bound += largest;
            if (bound > UnitSum.MaxUnits)
            {
                return UnitSum.InDecimals;
            }
        }

        return new UnitSum(scale, baseline, target - baseline);
    }

    /// <summary>The entries of sum input <paramref name="input"/> (a measured contributor) in <paramref name="values"/>: no check-in, then each check-in.</summary>
    private ReadOnlySpan<byte> ValuesOf(int[] checkInStart, int input, byte[] values)
    {
        var node = SumInputNode[input];
        return values.AsSpan(SumInputValue[input], 1 + checkInStart[node + 1] - checkInStart[node]);
    }
}

/// <summary>
/// What an <see cref="EvaluationPlan"/> is made from: the compiled graph's arrays that exist before its check-ins are
/// compiled, so that a build makes the plan on one core while the check-ins compile on the other.
/// </summary>
/// <param name="Settings">The set's settings (thresholds, grading scale, success targets).</param>
/// <param name="Kind">Each node's kind.</param>
/// <param name="KeyResults">Each node's key result (null for an objective).</param>
/// <param name="CheckInStart">Where each node's check-ins start in the compiled key results.</param>
/// <param name="Order">Children first.</param>
/// <param name="InputStart">Counted inputs of node n: <c>InputNode[InputStart[n]..InputStart[n+1]]</c>.</param>
/// <param name="InputNode">The input nodes.</param>
/// <param name="InputWeight">Their weights.</param>
/// <param name="PaceClassOf">Each node's index in <paramref name="PaceClasses"/>.</param>
/// <param name="PaceClasses">Each pace class: a period and a success target.</param>
internal sealed record PlanSource(
    OkrSettings Settings,
    NodeKind[] Kind,
    KeyResult?[] KeyResults,
    int[] CheckInStart,
    int[] Order,
    int[] InputStart,
    int[] InputNode,
    double[] InputWeight,
    int[] PaceClassOf,
    PaceClass[] PaceClasses)
{
    public int NodeCount => Kind.Length;
}
