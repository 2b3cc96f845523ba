namespace Okr.Core;

/// <summary>
/// The shape of an OKR set that graph validation needs: ids, owners, periods, kinds and links, in document order.
/// Built from an <see cref="OkrSet"/> or straight from a document (whose items may be partly invalid), so both
/// paths report the same OKR003/OKR004/OKR006/OKR008 findings.
/// </summary>
internal sealed class TopologySpec
{
    public List<string?> PeriodIds { get; } = [];

    public List<OwnerSpec> Owners { get; } = [];

    /// <summary>Objectives and key results in document order: each objective followed by its key results.</summary>
    public List<ItemSpec> Items { get; } = [];

    public static TopologySpec FromSet(OkrSet set)
    {
        var spec = new TopologySpec();
        foreach (var period in set.Periods)
        {
            spec.PeriodIds.Add(period.Id);
        }

        foreach (var owner in set.Owners)
        {
            spec.Owners.Add(new OwnerSpec(owner.Id, owner.ParentId));
        }

        foreach (var objective in set.Objectives)
        {
            var objectiveItem = spec.Items.Count;
            spec.Items.Add(new ItemSpec(objective.Id, -1, objective.OwnerId, objective.PeriodId, null, null, Links(objective.AlignsTo)));
            foreach (var keyResult in objective.KeyResults)
            {
                spec.Items.Add(new ItemSpec(keyResult.Id, objectiveItem, null, null, keyResult.Kind, keyResult.Definition.Aggregate, Links(keyResult.AlignsTo)));
            }
        }

        return spec;
    }

    private static LinkSpec[] Links(ValueArray<AlignmentLink> links)
    {
        var result = new LinkSpec[links.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = new LinkSpec(links[i].TargetKind, links[i].TargetId, links[i].Weight);
        }

        return result;
    }
}

internal sealed record OwnerSpec(string? Id, string? ParentId);

internal sealed record LinkSpec(AlignmentTargetKind TargetKind, string TargetId, double Weight);

/// <summary>An objective (<see cref="ObjectiveItem"/> = -1) or a key result of the objective at item index <see cref="ObjectiveItem"/>.</summary>
internal sealed record ItemSpec(
    string? Id,
    int ObjectiveItem,
    string? OwnerId,
    string? PeriodId,
    KeyResultKind? Kind,
    RollupAggregate? Aggregate,
    IReadOnlyList<LinkSpec> Links)
{
    public bool IsObjective => ObjectiveItem < 0;

    /// <summary>The id a finding about this item names: its own, else its objective's.</summary>
    public string? SubjectIn(TopologySpec spec) => Id ?? (IsObjective ? null : spec.Items[ObjectiveItem].Id);

    public bool IsSumRollup => Kind == KeyResultKind.Rollup && Aggregate == RollupAggregate.Sum;

    public bool IsRollup => Kind == KeyResultKind.Rollup;
}
