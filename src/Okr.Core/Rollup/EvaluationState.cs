namespace Okr.Core;

/// <summary>
/// Per-node results of one evaluation, indexed like the graph's nodes (reusable buffers: re-evaluating writes into
/// the same arrays): one 16-byte <see cref="NodeResult"/> a node, so a node's results share a cache line, plus 16
/// bytes a sum rollup for its current value. Current values of other key results, and their latest check-ins, are
/// read from the records when a report asks for them.
/// </summary>
internal sealed class EvaluationState
{
    private readonly EvaluationPlan _plan;
    private SecondCore? _secondCore;

    /// <summary>The status rules as of the day evaluated (they read <see cref="Pace"/>): a field, so calls on it copy nothing.</summary>
    public readonly StatusRulesAsOf Rules;

    /// <summary>Buffers for evaluating <paramref name="graph"/>; with <paramref name="replaceable"/>, key results can be swapped in (incremental evaluation).</summary>
    public EvaluationState(AlignmentGraph graph, bool replaceable = false)
        : this(graph.Plan, graph.NodeCount, replaceable ? (KeyResult?[])graph.KeyResults.Clone() : graph.KeyResults)
    {
        UseRecord = replaceable ? new bool[graph.NodeCount] : null;
    }

    private EvaluationState(EvaluationPlan plan, int nodeCount, KeyResult?[] keyResults)
    {
        _plan = plan;
        Results = new NodeResult[nodeCount];
        SumCurrent = new decimal[plan.SumNodes.Length];
        Pace = new PaceAsOf[plan.PaceClasses.Length];
        KeyResults = keyResults;
        Rules = new StatusRulesAsOf(plan, Pace);
    }

    public NodeResult[] Results { get; }

    /// <summary>The reusable hand-over to a second core for large evaluations (created on first use).</summary>
    public SecondCore SecondCore => _secondCore ??= new SecondCore();

    /// <summary>The current value of each sum rollup, by its slot in <see cref="EvaluationPlan.SumNodes"/>.</summary>
    public decimal[] SumCurrent { get; }

    /// <summary>Each pace class as of the day evaluated.</summary>
    public PaceAsOf[] Pace { get; }

    /// <summary>The key results by node (null for objectives); the incremental evaluator swaps in changed ones.</summary>
    public KeyResult?[] KeyResults { get; }

    /// <summary>
    /// Nodes whose key result changed after the graph was compiled (incremental evaluation): they are scored from
    /// <see cref="KeyResults"/> instead of the graph's compiled inputs. Null when none changed.
    /// </summary>
    public bool[]? UseRecord { get; set; }

    public bool IsFromRecord(int node) => UseRecord is { } useRecord && useRecord[node];

    public EvaluationState Clone()
    {
        var copy = new EvaluationState(_plan, Results.Length, (KeyResult?[])KeyResults.Clone());
        Results.CopyTo(copy.Results, 0);
        SumCurrent.CopyTo(copy.SumCurrent, 0);
        Pace.CopyTo(copy.Pace, 0);
        copy.UseRecord = (bool[]?)UseRecord?.Clone();
        return copy;
    }
}

/// <summary>One node's results as of the day: 16 bytes.</summary>
internal struct NodeResult
{
    /// <summary>The <see cref="Grade"/> of an unscored node.</summary>
    public const sbyte NoGrade = -1;

    /// <summary>Unclamped attainment (for an objective or a mean rollup, its score), or NaN when unscored.</summary>
    public double Attainment;

    /// <summary>
    /// For a measured key result scored from the compiled check-ins: the index of its latest check-in as of the day
    /// among its check-ins in evaluation order, or -1 (what a sum rollup reads to find its current value).
    /// </summary>
    public int Latest;

    /// <summary>The <see cref="OkrStatus"/>, as a byte.</summary>
    public byte StatusCode;

    /// <summary>Index of the grade band of the score in the settings' scale, or <see cref="NoGrade"/>.</summary>
    public sbyte Grade;

    public bool Pending;

    /// <summary>The score, <c>clamp01(attainment)</c>, or NaN when unscored.</summary>
    public readonly double Score => ScoreMath.ClampUnbranched(Attainment);

    public readonly OkrStatus Status => (OkrStatus)StatusCode;
}
