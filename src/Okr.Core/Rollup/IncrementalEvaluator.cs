using System.Runtime.InteropServices;
using Ardalis.GuardClauses;
using OneOf;

namespace Okr.Core;

/// <summary>
/// Keeps an evaluation up to date as check-ins arrive: recording a check-in re-evaluates only that key result and
/// the items that depend on it (children first), and gives the same numbers as a full evaluation. <see cref="Reevaluate"/>
/// moves it to another day in the same buffers. Not thread-safe: one writer at a time; <see cref="Snapshot"/> hands out
/// an immutable copy.
/// </summary>
public sealed class IncrementalEvaluator
{
    private readonly AlignmentGraph _graph;
    private readonly EvaluationState _state;
    private readonly AffectedWorkspace _workspace;

    /// <summary>The key results changed since compiling, by node, each once: the compiled graph does not know them.</summary>
    private readonly List<int> _changedNodes = [];

    /// <summary>Evaluates <paramref name="graph"/> in full as of <paramref name="asOf"/>, ready for changes.</summary>
    /// <param name="graph">The compiled graph.</param>
    /// <param name="asOf">The day of evaluation.</param>
    public IncrementalEvaluator(AlignmentGraph graph, DateOnly asOf)
    {
        _graph = Guard.Against.Null(graph);
        AsOf = asOf;
        _state = new EvaluationState(graph, replaceable: true);
        _workspace = new AffectedWorkspace(graph);
        RollupCalculator.EvaluateAll(graph, _state, asOf);
    }

    /// <summary>The day evaluated.</summary>
    public DateOnly AsOf { get; private set; }

    /// <summary>The number of items the last change re-evaluated (every item after <see cref="Reevaluate"/>).</summary>
    public int LastReevaluatedCount { get; private set; }

    /// <summary>The current score of <paramref name="id"/>, or null when unscored.</summary>
    /// <param name="id">An objective or key result id.</param>
    public double? ScoreOf(string id)
    {
        var score = _state.Results[_graph.NodeOf(id)].Score;
        return double.IsNaN(score) ? null : score;
    }

    /// <summary>The current status of <paramref name="id"/>.</summary>
    /// <param name="id">An objective or key result id.</param>
    public OkrStatus StatusOf(string id) => _state.Results[_graph.NodeOf(id)].Status;

    /// <summary>
    /// Adds <paramref name="checkIn"/> to key result <paramref name="keyResultId"/> and re-evaluates what depends on it;
    /// returns OKR004 when the set has no key result with that id (an objective's id included) and OKR006 when the key
    /// result's kind does not take the check-in, and then changes nothing.
    /// </summary>
    /// <param name="keyResultId">The key result's id.</param>
    /// <param name="checkIn">The check-in.</param>
    public OneOf<IReadOnlyList<string>, OkrErrors> TryRecordCheckIn(string keyResultId, CheckIn checkIn)
    {
        Guard.Against.Null(keyResultId);
        if (!_graph.TryGetNode(keyResultId, out var node) || _state.KeyResults[node] is not { } keyResult)
        {
            var shown = ItemFindings.Shortened(keyResultId);
            return OkrErrors.Single(
                OkrCodes.UnknownReference,
                ItemFindings.UsableId(keyResultId),
                _graph.TryGetNode(keyResultId, out _)
                    ? $"'{shown}' is an objective: record check-ins on its key results."
                    : $"The set has no key result '{shown}': record check-ins on one of its key results.");
        }

        var updated = keyResult.TryWithCheckIn(checkIn);
        if (updated.TryPickT1(out var errors, out var changed))
        {
            return errors;
        }

        var count = Replace(node, changed);
        var ids = new string[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = _graph.Ids[_workspace.Affected[i]];
        }

        return ids;
    }

    /// <summary>
    /// Puts <paramref name="keyResult"/> (a changed version of the key result at <paramref name="node"/>) in place and
    /// re-evaluates it and what depends on it, children first, without allocating (but for the list of changed key
    /// results, which may grow when a key result changes for the first time). Returns how many nodes it re-evaluated.
    /// </summary>
    internal int Replace(int node, KeyResult keyResult)
    {
        _state.KeyResults[node] = keyResult;
        if (!_state.UseRecord![node])
        {
            _state.UseRecord[node] = true;
            _changedNodes.Add(node);
        }

        LastReevaluatedCount = RollupCalculator.EvaluateAffected(_graph, _state, _workspace, node, AsOf);
        return LastReevaluatedCount;
    }

    /// <summary>
    /// Re-evaluates every item as of <paramref name="asOf"/>, with the check-ins recorded so far, into the same buffers:
    /// the numbers a full evaluation of the updated set gives that day, without allocating. For a dashboard that moves
    /// on to a new day, or a chart that steps through the days of a quarter.
    /// </summary>
    /// <param name="asOf">The day to evaluate as of.</param>
    public void Reevaluate(DateOnly asOf)
    {
        RollupCalculator.EvaluateAll(_graph, _state, asOf);

        // The full pass scores key results from the compiled graph, which predates the recorded check-ins: the changed
        // key results are scored again from their records, and what depends on them after, each node once.
        RollupCalculator.EvaluateAffected(_graph, _state, _workspace, CollectionsMarshal.AsSpan(_changedNodes), asOf);
        AsOf = asOf;
        LastReevaluatedCount = _graph.NodeCount;
    }

    /// <summary>An immutable copy of the current results; its <see cref="OkrEvaluation.Set"/> holds the check-ins recorded so far.</summary>
    public OkrEvaluation Snapshot() => new(_graph, _state.Clone(), AsOf);
}
