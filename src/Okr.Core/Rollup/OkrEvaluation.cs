using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace Okr.Core;

/// <summary>
/// The result of evaluating an OKR set as of a day: every objective and key result with score, grade and status,
/// in document order, plus explanations. Immutable.
/// </summary>
public sealed class OkrEvaluation
{
    private readonly EvaluationState _state;
    // One reference (not a nullable struct, whose flag and value are written apart), so threads sharing the evaluation
    // see either nothing yet or the whole list.
    private ImmutableArray<ObjectiveEvaluation> _objectives;
    private OkrSet? _set;

    internal OkrEvaluation(AlignmentGraph graph, EvaluationState state, DateOnly asOf)
    {
        Graph = graph;
        _state = state;
        AsOf = asOf;
    }

    /// <summary>The day evaluated (as of its end).</summary>
    public DateOnly AsOf { get; }

    /// <summary>The compiled graph evaluated.</summary>
    public AlignmentGraph Graph { get; }

    /// <summary>The settings used.</summary>
    public OkrSettings Settings => Graph.Set.Settings;

    /// <summary>
    /// The set evaluated: the compiled graph's set, with the check-ins an <see cref="IncrementalEvaluator"/> recorded
    /// since compiling (a snapshot's set is the one to save, and the one its validation looks at).
    /// </summary>
    public OkrSet Set => _set ?? Interlocked.CompareExchange(ref _set, SetWithRecordedCheckIns(), null) ?? _set;

    /// <summary>Every objective with its key results, in document order.</summary>
    public ValueArray<ObjectiveEvaluation> Objectives
    {
        get
        {
            if (_objectives.IsDefault)
            {
                ImmutableInterlocked.InterlockedInitialize(ref _objectives, [.. Graph.ObjectiveNodes.Select(ObjectiveAt)]);
            }

            return new ValueArray<ObjectiveEvaluation>(_objectives);
        }
    }

    internal EvaluationState State => _state;

    /// <summary>The objective record that holds node <paramref name="node"/>, as <see cref="Set"/> has it.</summary>
    internal Objective ObjectiveRecord(int node) => Set.Objectives[Graph.ObjectiveIndex(node)];

    /// <summary>The graph's set, with the key results an incremental evaluator replaced put in place (the same set when none were).</summary>
    private OkrSet SetWithRecordedCheckIns()
    {
        var set = Graph.Set;
        if (_state.UseRecord is not { } replaced || Array.IndexOf(replaced, true) < 0)
        {
            return set;
        }

        // Only the objectives whose key results the evaluator replaced are rebuilt; the state marks those key results.
        var objectives = set.Objectives.ToArray();
        for (var o = 0; o < objectives.Length; o++)
        {
            var keyResults = objectives[o].KeyResults;
            if (keyResults.Any(k => replaced[Graph.NodeOf(k.Id)]))
            {
                objectives[o] = objectives[o].WithKeyResults(keyResults.Select(k => _state.KeyResults[Graph.NodeOf(k.Id)]!));
            }
        }

        return new OkrSet(set.Periods, set.Owners, objectives, set.Settings);
    }

    /// <summary>The objective <paramref name="id"/>; throws <see cref="KeyNotFoundException"/> when there is none.</summary>
    /// <param name="id">The objective id.</param>
    public ObjectiveEvaluation Objective(string id) => TryGetObjective(id, out var result) ? result : throw NotFound(id, "objective", "a key result: call KeyResult(id)");

    /// <summary>The objective <paramref name="id"/>, when it exists.</summary>
    /// <param name="id">The objective id.</param>
    /// <param name="result">Its evaluation.</param>
    public bool TryGetObjective(string id, [MaybeNullWhen(false)] out ObjectiveEvaluation result)
    {
        if (id is not null && Graph.TryGetNode(id, out var node) && Graph.IsObjective(node))
        {
            result = ObjectiveAt(node);
            return true;
        }

        result = null;
        return false;
    }

    /// <summary>The key result <paramref name="id"/>; throws <see cref="KeyNotFoundException"/> when there is none.</summary>
    /// <param name="id">The key result id.</param>
    public KeyResultEvaluation KeyResult(string id) => TryGetKeyResult(id, out var result) ? result : throw NotFound(id, "key result", "an objective: call Objective(id)");

    /// <summary>No <paramref name="kind"/> has <paramref name="id"/>; when the id is the other kind's, the message says so.</summary>
    private KeyNotFoundException NotFound(string id, string kind, string otherKind)
        => new(id is not null && Graph.TryGetNode(id, out _)
            ? $"No {kind} has the id '{id}', which is {otherKind}."
            : $"No {kind} has the id '{id}'.");

    /// <summary>The key result <paramref name="id"/>, when it exists.</summary>
    /// <param name="id">The key result id.</param>
    /// <param name="result">Its evaluation.</param>
    public bool TryGetKeyResult(string id, [MaybeNullWhen(false)] out KeyResultEvaluation result)
    {
        if (id is not null && Graph.TryGetNode(id, out var node) && !Graph.IsObjective(node))
        {
            result = KeyResultAt(node);
            return true;
        }

        result = null;
        return false;
    }

    /// <summary>The score of objective or key result <paramref name="id"/>, or null when unscored.</summary>
    /// <param name="id">The id.</param>
    public double? ScoreOf(string id) => ScoreAt(Graph.NodeOf(id));

    /// <summary>The status of objective or key result <paramref name="id"/>.</summary>
    /// <param name="id">The id.</param>
    public OkrStatus StatusOf(string id) => StatusAt(Graph.NodeOf(id));

    /// <summary>
    /// Why <paramref name="id"/> has its score: its counted inputs with weight, score and share. For a sum rollup, the
    /// current values added up, each with its share of the distance from baseline to target.
    /// </summary>
    /// <param name="id">An objective or rollup key result id (other key results have no inputs).</param>
    public Explanation Explain(string id)
    {
        var node = Graph.NodeOf(id);
        var contributions = new List<Contribution>();
        if (_state.KeyResults[node]?.Definition is { Kind: KeyResultKind.Rollup, Aggregate: RollupAggregate.Sum } sum)
        {
            // A sum adds current values: each value's share is its part of the distance from baseline to target.
            var (baseline, target) = (sum.Baseline.GetValueOrDefault(), sum.Target.GetValueOrDefault());
            for (var i = Graph.InputStart[node]; i < Graph.InputStart[node + 1]; i++)
            {
                var input = Graph.InputNode[i];
                if (CurrentAt(input) is { } value)
                {
                    contributions.Add(new Contribution(Graph.Ids[input], Graph.InputWeight[i], _state.Results[input].Score, ScoreMath.ShareOfSpan(value, baseline, target), value));
                }
            }

            return new Explanation(id, ScoreAt(node), ValueArray.From(contributions));
        }

        double total = 0;
        for (var i = Graph.InputStart[node]; i < Graph.InputStart[node + 1]; i++)
        {
            if (!double.IsNaN(_state.Results[Graph.InputNode[i]].Score))
            {
                total += Graph.InputWeight[i];
            }
        }

        // As the evaluation does, weights whose total overflows are scaled by one power of two first.
        var exponent = 0;
        if (ScoreMath.NeedsRescaling(total))
        {
            exponent = ScoreMath.RescaleExponent;
            total = 0;
            for (var i = Graph.InputStart[node]; i < Graph.InputStart[node + 1]; i++)
            {
                total += double.IsNaN(_state.Results[Graph.InputNode[i]].Score) ? 0 : Math.ScaleB(Graph.InputWeight[i], exponent);
            }
        }

        for (var i = Graph.InputStart[node]; i < Graph.InputStart[node + 1]; i++)
        {
            var input = Graph.InputNode[i];
            var score = _state.Results[input].Score;
            if (!double.IsNaN(score))
            {
                var weight = Graph.InputWeight[i];
                contributions.Add(new Contribution(Graph.Ids[input], weight, score, total > 0 ? Math.ScaleB(weight, exponent) * score / total : 0, null));
            }
        }

        return new Explanation(id, ScoreAt(node), ValueArray.From(contributions));
    }

    /// <summary>The current value of a key result: a sum rollup's from the evaluation, any other's from its record.</summary>
    internal decimal? CurrentAt(int node) => CurrentAt(node, LatestCheckInAt(node));

    /// <summary><see cref="CurrentAt(int)"/> when the caller has the key result's latest check-in already (<see cref="LatestCheckInAt"/>).</summary>
    internal decimal? CurrentAt(int node, CheckIn? latest) => Graph.Compiled.Kind[node] == NodeKind.RollupSum
        ? _state.SumCurrent[Graph.Plan.SumSlotOf(node)]
        : _state.KeyResults[node] is { } keyResult ? RollupCalculator.RecordCurrent(keyResult, latest) : null;

    internal string? GradeAt(int node) => _state.Results[node].Grade == NodeResult.NoGrade ? null : Settings.Scale.Bands[_state.Results[node].Grade].Label;

    /// <summary>The kind of key result <paramref name="node"/>.</summary>
    internal KeyResultKind KindAt(int node) => _state.KeyResults[node]!.Kind;

    /// <summary>The latest check-in of key result <paramref name="node"/> as of <see cref="AsOf"/>, or null (also for an objective).</summary>
    internal CheckIn? LatestCheckInAt(int node) => _state.KeyResults[node]?.LatestCheckIn(AsOf);

    /// <summary>The unclamped attainment of key result <paramref name="node"/>, or null (an unscored rollup mean).</summary>
    internal double? AttainmentAt(int node) => _state.Results[node].Attainment is var attainment && double.IsNaN(attainment) ? null : attainment;

    internal double? ScoreAt(int node) => _state.Results[node].Score is var score && double.IsNaN(score) ? null : score;

    internal OkrStatus StatusAt(int node) => _state.Results[node].Status;

    /// <summary>The share of objective <paramref name="node"/>'s period elapsed as of <see cref="AsOf"/>.</summary>
    internal double ElapsedAt(int node)
    {
        var pace = PaceOf(node);
        return Period.Elapsed(pace.Start, pace.End, AsOf);
    }

    /// <summary>The score objective <paramref name="node"/> is expected to have by now: the elapsed share times its success target.</summary>
    internal double ExpectedAt(int node) => ElapsedAt(node) * PaceOf(node).SuccessTarget;

    /// <summary>The period and success target node <paramref name="node"/> is paced by.</summary>
    private PaceClass PaceOf(int node) => Graph.Plan.PaceClasses[Graph.Plan.PaceClassOf[node]];

    internal ObjectiveEvaluation ObjectiveAt(int node) => new(
        Graph.Ids[node],
        ScoreAt(node),
        GradeAt(node),
        StatusAt(node),
        _state.Results[node].Pending,
        ElapsedAt(node),
        ExpectedAt(node),
        ValueArray.From(Graph.KeyResultsOf(node).Select(KeyResultAt)));

    internal KeyResultEvaluation KeyResultAt(int node)
    {
        var keyResult = _state.KeyResults[node]!;
        var last = LatestCheckInAt(node);
        return new KeyResultEvaluation(
            keyResult.Id,
            Graph.Ids[Graph.ObjectiveOf[node]],
            KindAt(node),
            CurrentAt(node, last),
            AttainmentAt(node),
            ScoreAt(node),
            GradeAt(node),
            StatusAt(node),
            _state.Results[node].Pending,
            last?.Confidence,
            last?.At);
    }
}
