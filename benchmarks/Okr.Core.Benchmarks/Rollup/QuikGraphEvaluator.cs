using QuikGraph;
using QuikGraph.Algorithms;

namespace Okr.Core.Benchmarks.Rollup;

/// <summary>
/// The evaluation a vendor would write with a graph library: a QuikGraph adjacency graph of ids with an edge from
/// every item to what it counts toward (built once), its topological sort for the children-first order, and
/// dictionaries for the inputs and results. Same scores, grades and statuses as Okr.Core (default settings).
/// </summary>
public sealed class QuikGraphEvaluator
{
    private readonly OkrSet _set;
    private readonly AdjacencyGraph<string, SEquatableEdge<string>> _graph = new(allowParallelEdges: false);
    private readonly Dictionary<string, Objective> _objectives = [];
    private readonly Dictionary<string, (KeyResult KeyResult, Objective Objective)> _keyResults = [];
    private readonly Dictionary<string, Period> _periods;
    private readonly Dictionary<string, List<(string Id, double Weight)>> _alignedTo = [];

    public QuikGraphEvaluator(OkrSet set)
    {
        _set = set;
        _periods = set.Periods.ToDictionary(p => p.Id);
        foreach (var objective in set.Objectives)
        {
            _objectives[objective.Id] = objective;
            _graph.AddVertex(objective.Id);
            foreach (var keyResult in objective.KeyResults)
            {
                _keyResults[keyResult.Id] = (keyResult, objective);
                _graph.AddVertex(keyResult.Id);
            }
        }

        foreach (var objective in set.Objectives)
        {
            AddLinks(objective.Id, objective.AlignsTo);
            foreach (var keyResult in objective.KeyResults)
            {
                _graph.AddEdge(new SEquatableEdge<string>(keyResult.Id, objective.Id));
                AddLinks(keyResult.Id, keyResult.AlignsTo);
            }
        }
    }

    public Dictionary<string, ReferenceResult> Evaluate(DateOnly asOf)
    {
        var settings = _set.Settings;
        var results = new Dictionary<string, ReferenceResult>(_graph.VertexCount);
        foreach (var id in _graph.TopologicalSort())
        {
            if (_objectives.TryGetValue(id, out var objective))
            {
                var inputs = new List<(double, ReferenceResult)>();
                if (objective.ProgressFrom != ProgressSource.Children)
                {
                    inputs.AddRange(objective.KeyResults.Select(k => (k.Weight, results[k.Id])));
                }

                if (objective.ProgressFrom != ProgressSource.KeyResults && _alignedTo.TryGetValue(id, out var children))
                {
                    inputs.AddRange(children.Where(c => _objectives.ContainsKey(c.Id)).Select(c => (c.Weight, results[c.Id])));
                }

                results[id] = ReferenceScoring.Mean(inputs, objective, _periods[objective.PeriodId], settings, asOf);
                continue;
            }

            var (keyResult, owner) = _keyResults[id];
            var period = _periods[owner.PeriodId];
            if (keyResult.Kind != KeyResultKind.Rollup)
            {
                results[id] = ReferenceScoring.KeyResult(keyResult, owner, period, settings, asOf);
                continue;
            }

            var contributors = _alignedTo.TryGetValue(id, out var list) ? list.Select(c => (c.Weight, results[c.Id])).ToList() : [];
            results[id] = keyResult.Definition.Aggregate == RollupAggregate.Sum
                ? ReferenceScoring.Sum(keyResult, contributors, owner, period, settings, asOf)
                : ReferenceScoring.Mean(contributors, owner, period, settings, asOf);
        }

        return results;
    }

    private void AddLinks(string id, ValueArray<AlignmentLink> links)
    {
        foreach (var link in links)
        {
            _graph.AddEdge(new SEquatableEdge<string>(id, link.TargetId));
            if (!_alignedTo.TryGetValue(link.TargetId, out var list))
            {
                _alignedTo[link.TargetId] = list = [];
            }

            list.Add((id, link.Weight));
        }
    }
}
