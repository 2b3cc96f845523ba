namespace Okr.Core.Benchmarks.Rollup;

/// <summary>
/// The evaluation a vendor would write first: index the object graph in dictionaries, find each item's inputs with
/// LINQ, and compute every score by memoised recursion from the items down to what they depend on. Same scores,
/// grades and statuses as Okr.Core (default settings); recursion depth grows with the alignment depth, which is
/// fine for this organisation but not for the million-link chain the spec allows.
/// </summary>
public static class NaiveEvaluator
{
    public static Dictionary<string, ReferenceResult> Evaluate(OkrSet set, DateOnly asOf)
    {
        var periods = set.Periods.ToDictionary(p => p.Id);
        var objectives = set.Objectives.ToDictionary(o => o.Id);
        var keyResults = set.Objectives.SelectMany(o => o.KeyResults.Select(k => (k, o))).ToDictionary(x => x.k.Id, x => (KeyResult: x.k, Objective: x.o));

        // Everything aligned to a target, in document order (an objective, then its key results).
        var alignedTo = set.Objectives
            .SelectMany(o => o.AlignsTo.Select(l => (Target: l.TargetId, Id: o.Id, l.Weight))
                .Concat(o.KeyResults.SelectMany(k => k.AlignsTo.Select(l => (Target: l.TargetId, Id: k.Id, l.Weight)))))
            .ToLookup(x => x.Target, x => (x.Id, x.Weight));

        var results = new Dictionary<string, ReferenceResult>();
        foreach (var objective in set.Objectives)
        {
            Objective(objective.Id);
        }

        return results;

        ReferenceResult Objective(string id)
        {
            if (results.TryGetValue(id, out var known))
            {
                return known;
            }

            var objective = objectives[id];
            var period = periods[objective.PeriodId];
            var ownKeyResults = objective.KeyResults.Select(k => (k.Weight, KeyResult(k.Id))).ToList();
            var inputs = new List<(double, ReferenceResult)>();
            if (objective.ProgressFrom != ProgressSource.Children)
            {
                inputs.AddRange(ownKeyResults);
            }

            if (objective.ProgressFrom != ProgressSource.KeyResults)
            {
                inputs.AddRange(alignedTo[id].Where(c => objectives.ContainsKey(c.Id)).Select(c => (c.Weight, Objective(c.Id))));
            }

            var result = ReferenceScoring.Mean(inputs, objective, period, set.Settings, asOf);
            results[id] = result;
            return result;
        }

        ReferenceResult KeyResult(string id)
        {
            if (results.TryGetValue(id, out var known))
            {
                return known;
            }

            var (keyResult, objective) = keyResults[id];
            var period = periods[objective.PeriodId];
            ReferenceResult result;
            if (keyResult.Kind != KeyResultKind.Rollup)
            {
                result = ReferenceScoring.KeyResult(keyResult, objective, period, set.Settings, asOf);
            }
            else
            {
                var contributors = alignedTo[id].Select(c => (c.Weight, objectives.ContainsKey(c.Id) ? Objective(c.Id) : KeyResult(c.Id))).ToList();
                result = keyResult.Definition.Aggregate == RollupAggregate.Sum
                    ? ReferenceScoring.Sum(keyResult, contributors, objective, period, set.Settings, asOf)
                    : ReferenceScoring.Mean(contributors, objective, period, set.Settings, asOf);
            }

            results[id] = result;
            return result;
        }
    }
}
