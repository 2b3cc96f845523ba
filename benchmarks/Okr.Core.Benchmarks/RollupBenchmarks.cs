using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using Okr.Core.Benchmarks.Rollup;

namespace Okr.Core.Benchmarks;

/// <summary>
/// Evaluates the <see cref="SyntheticOrganisation"/> of <see cref="Objectives"/> objectives (four key results each)
/// as of one day, five ways: the naive object-graph recursion (baseline), QuikGraph's topological sort with
/// dictionaries, Okr.Core's compiled graph into reusable buffers, Okr.Core's incremental re-evaluation after one
/// changed check-in, and a floor that only reads every input number once.
/// </summary>
[MemoryDiagnoser]
public class RollupBenchmarks
{
    private OkrSet _set = null!;
    private QuikGraphEvaluator _quikGraph = null!;
    private AlignmentGraph _graph = null!;
    private EvaluationState _state = null!;
    private IncrementalEvaluator _incremental = null!;
    private int _changedNode;
    private KeyResult _original = null!;
    private KeyResult _changed = null!;
    private bool _toggle;

    [Params(1_000, 100_000, 1_000_000)]
    public int Objectives { get; set; }

    /// <summary>The organisation evaluated (for tests).</summary>
    public OkrSet Set => _set;

    /// <summary>The incremental evaluator <see cref="OkrIncremental"/> updates (for tests).</summary>
    public IncrementalEvaluator Incremental => _incremental;

    /// <summary>The key result whose check-ins <see cref="OkrIncremental"/> changes, before and after (for tests).</summary>
    public (KeyResult Original, KeyResult Changed) ChangedKeyResult => (_original, _changed);

    [GlobalSetup]
    public void Setup()
    {
        _set = SyntheticOrganisation.Create(Objectives);
        _graph = _set.TryCompile().Match(graph => graph, errors => throw new InvalidOperationException(errors.ToString()));
        _state = new EvaluationState(_graph);
        _quikGraph = new QuikGraphEvaluator(_set);
        _incremental = new IncrementalEvaluator(_graph, SyntheticOrganisation.AsOf);

        // The first key result of the last objective: a leaf, so the change climbs the whole cascade above it.
        var id = SyntheticOrganisation.KeyResultId(Objectives - 1, 0);
        _changedNode = _graph.NodeOf(id);
        _original = _graph.KeyResults[_changedNode]!;
        var definition = _original.Definition;
        _changed = _original.WithCheckIn(new CheckIn(SyntheticOrganisation.AsOf, definition.Target!.Value, confidence: 9));
    }

    /// <summary>Memoised recursion over the object graph with dictionaries and LINQ.</summary>
    [Benchmark(Baseline = true)]
    public int Naive() => NaiveEvaluator.Evaluate(_set, SyntheticOrganisation.AsOf).Count;

    /// <summary>QuikGraph's topological sort of a prebuilt adjacency graph, then dictionaries.</summary>
    [Benchmark]
    public int QuikGraph() => _quikGraph.Evaluate(SyntheticOrganisation.AsOf).Count;

    /// <summary>Every score, rollup, grade and status of the compiled graph, into the same buffers each time.</summary>
    [Benchmark]
    public double Okr()
    {
        RollupCalculator.EvaluateAll(_graph, _state, SyntheticOrganisation.AsOf);
        return _state.Results[0].Attainment;
    }

    /// <summary><see cref="Okr"/> on the calling thread alone (for comparison; not a benchmark).</summary>
    public double OkrOneCore()
    {
        RollupCalculator.EvaluateAll(_graph, _state, SyntheticOrganisation.AsOf, secondCore: null, minimumSplitLevel: 0);
        return _state.Results[0].Attainment;
    }

    /// <summary>One key result gains (or loses) a check-in; it and everything that depends on it are re-evaluated.</summary>
    [Benchmark]
    public int OkrIncremental()
    {
        _toggle = !_toggle;
        return _incremental.Replace(_changedNode, _toggle ? _changed : _original);
    }

    /// <summary>
    /// One sequential pass over every array a full evaluation reads (the compiled model: check-in keys and
    /// attainments, checklist items, the pass lists, each node's check-in and item ranges and pace class, the inputs
    /// and link weights of objectives and rollups, sum rollup definitions and the values they add), summing their
    /// bits: the least any evaluation of this model must read. The evaluation's own output, the results, is not read.
    /// </summary>
    [Benchmark]
    public long MemoryFloor() => MemoryFloorOf(_graph);

    public static long MemoryFloorOf(AlignmentGraph graph)
    {
        var table = graph.Compiled;
        var plan = graph.Plan;
        return Sum(table.CheckInStart) + Sum(table.CheckInKey.AsSpan(0, table.CheckInCount)) + Sum(table.CheckInAttainment)
            + Sum(table.ItemStart) + Sum(table.ItemDay) + Sum(table.ItemWeight)
            + Sum(plan.MeasuredNodes) + Sum(plan.ChecklistNodes) + Sum(plan.PaceClassOf)
            + Sum(plan.CompositeOrder) + Sum(plan.CompositeInputStart) + Sum(plan.CompositeInputNode) + Sum(plan.CompositeInputWeight)
            + Sum(plan.CompositePaceClass)
            + Sum(plan.SumInputStart) + Sum(plan.SumInputNode) + Sum(plan.SumInputValue)
            + Sum(plan.SummedValues.Units) + Sum(plan.SummedValues.Scales)
            + Sum(plan.SumInUnits) + Sum(plan.SumBaseline) + Sum(plan.SumTarget) + Sum(plan.SumBaselineAttainment);
    }

    /// <summary>The bits of <paramref name="values"/> added up as longs (and the last few bytes one by one).</summary>
    private static long Sum<T>(ReadOnlySpan<T> values)
        where T : unmanaged
    {
        var bytes = MemoryMarshal.AsBytes(values);
        var whole = bytes.Length & ~7;
        var sum = Sum(MemoryMarshal.Cast<byte, long>(bytes[..whole]));
        foreach (var b in bytes[whole..])
        {
            sum += b;
        }

        return sum;
    }

    private static long Sum<T>(T[] values)
        where T : unmanaged
        => Sum<T>(values.AsSpan());

    private static long Sum(ReadOnlySpan<long> values)
    {
        long sum = 0;
        foreach (var value in values)
        {
            sum += value;
        }

        return sum;
    }
}
