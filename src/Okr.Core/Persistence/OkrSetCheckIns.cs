using Ardalis.GuardClauses;
using OneOf;

namespace Okr.Core.Persistence;

/// <summary>Applies appended check-ins to a set: what a store does when it keeps check-ins as rows beside the set.</summary>
public static class OkrSetCheckIns
{
    /// <summary>
    /// Returns <paramref name="set"/> with <paramref name="checkIns"/> appended to their key results in order, or OKR004
    /// for an unknown key result id and OKR006 for a check-in its key result does not take. Each key result is rebuilt once.
    /// </summary>
    /// <param name="set">The set.</param>
    /// <param name="checkIns">The check-ins, in the order they were recorded.</param>
    public static OneOf<OkrSet, OkrErrors> TryAppend(OkrSet set, IEnumerable<KeyResultCheckIn> checkIns)
    {
        Guard.Against.Null(set);
        Guard.Against.Null(checkIns);
        var byKeyResult = new Dictionary<string, List<CheckIn>>(StringComparer.Ordinal);
        foreach (var item in checkIns)
        {
            Guard.Against.Null(item, nameof(checkIns));
            if (!byKeyResult.TryGetValue(item.KeyResultId, out var list))
            {
                byKeyResult[item.KeyResultId] = list = [];
            }

            list.Add(item.CheckIn);
        }

        if (byKeyResult.Count == 0)
        {
            return set;
        }

        var objectives = new List<Objective>(set.Objectives.Count);
        var problems = new List<OkrDiagnostic>();
        foreach (var objective in set.Objectives)
        {
            var changed = false;
            var keyResults = new List<KeyResult>(objective.KeyResults.Count);
            foreach (var keyResult in objective.KeyResults)
            {
                if (!byKeyResult.Remove(keyResult.Id, out var added))
                {
                    keyResults.Add(keyResult);
                    continue;
                }

                changed = true;
                var rebuilt = KeyResult.TryCreate(keyResult.Id, keyResult.Title, keyResult.Definition, keyResult.Weight, keyResult.CheckIns.Concat(added), keyResult.AlignsTo);
                if (rebuilt.TryPickT1(out var errors, out var ok))
                {
                    problems.AddRange(errors);
                    keyResults.Add(keyResult);
                }
                else
                {
                    keyResults.Add(ok);
                }
            }

            objectives.Add(changed ? objective.WithKeyResults(keyResults) : objective);
        }

        foreach (var unknown in byKeyResult.Keys)
        {
            problems.Add(OkrDiagnostic.Error(OkrCodes.UnknownReference, unknown, $"The set has no key result '{unknown}': check in on one of its key results."));
        }

        return problems.Count > 0 ? new OkrErrors(problems) : new OkrSet(set.Periods, set.Owners, objectives, set.Settings);
    }
}
