namespace Okr.Core;

/// <summary>
/// The shape of an OKR set that graph validation needs: ids, owners, periods, kinds and links, in document order.
/// Built from an <see cref="OkrSet"/> (by <see cref="AlignmentGraph.TryBuild"/>) or straight from a document (whose
/// items may be partly invalid), so both paths report the same OKR003/OKR004/OKR006/OKR008 findings.
/// </summary>
/// <remarks>
/// Items (objectives and key results) are kept in parallel arrays indexed by item, and their links in one flat list
/// (<c>Link*[LinkStart[i]..LinkStart[i + 1]]</c>): a million-objective set is a handful of arrays, not millions of
/// small objects. Only the first <see cref="ItemCount"/> items and <see cref="LinkCount"/> links are in use.
/// </remarks>
internal sealed class TopologySpec
{
    private string?[] _itemId;
    private int[] _objectiveItem;
    private string?[] _ownerId;
    private string?[] _periodId;
    private KeyResultKind?[] _kind;
    private RollupAggregate?[] _aggregate;
    private int[] _linkStart;
    private AlignmentTargetKind[] _linkKind;
    private string[] _linkTargetId;
    private double[] _linkWeight;

    public TopologySpec(int itemCapacity = 16, int linkCapacity = 16)
    {
        _itemId = new string?[itemCapacity];
        _objectiveItem = new int[itemCapacity];
        _ownerId = new string?[itemCapacity];
        _periodId = new string?[itemCapacity];
        _kind = new KeyResultKind?[itemCapacity];
        _aggregate = new RollupAggregate?[itemCapacity];
        _linkStart = new int[itemCapacity + 1];
        _linkKind = new AlignmentTargetKind[linkCapacity];
        _linkTargetId = new string[linkCapacity];
        _linkWeight = new double[linkCapacity];
    }

    /// <summary>
    /// A spec over arrays its caller has filled (see <see cref="AlignmentGraph.SetNodes"/>): <paramref name="itemCount"/>
    /// items, their links flat as in the other constructor, and each link target's <see cref="IdIndex.HashOf"/>.
    /// The arrays are adopted, not copied.
    /// </summary>
    public TopologySpec(
        int itemCount,
        string?[] itemId,
        int[] objectiveItem,
        string?[] ownerId,
        string?[] periodId,
        KeyResultKind?[] kind,
        RollupAggregate?[] aggregate,
        int[] linkStart,
        AlignmentTargetKind[] linkKind,
        string[] linkTargetId,
        double[] linkWeight,
        int[] linkTargetHash)
    {
        ItemCount = itemCount;
        _itemId = itemId;
        _objectiveItem = objectiveItem;
        _ownerId = ownerId;
        _periodId = periodId;
        _kind = kind;
        _aggregate = aggregate;
        _linkStart = linkStart;
        _linkKind = linkKind;
        _linkTargetId = linkTargetId;
        _linkWeight = linkWeight;
        LinkTargetHash = linkTargetHash;
    }

    public List<string?> PeriodIds { get; } = [];

    public List<OwnerSpec> Owners { get; } = [];

    /// <summary>The number of items: objectives and key results in document order, each objective followed by its key results.</summary>
    public int ItemCount { get; private set; }

    public int LinkCount => _linkStart[ItemCount];

    public string?[] ItemId => _itemId;

    /// <summary>For a key result, the item index of its objective; -1 for an objective.</summary>
    public int[] ObjectiveItem => _objectiveItem;

    public string?[] OwnerId => _ownerId;

    public string?[] PeriodId => _periodId;

    public KeyResultKind?[] Kind => _kind;

    public RollupAggregate?[] Aggregate => _aggregate;

    /// <summary>The links of item i are <c>LinkStart[i]..LinkStart[i + 1]</c>.</summary>
    public int[] LinkStart => _linkStart;

    public AlignmentTargetKind[] LinkKind => _linkKind;

    public string[] LinkTargetId => _linkTargetId;

    /// <summary>A link's weight (0 when the document's weight was invalid: that was reported already).</summary>
    public double[] LinkWeight => _linkWeight;

    /// <summary>Each link target's <see cref="IdIndex.HashOf"/>, when the builder computed them (else null: computed when resolving).</summary>
    public int[]? LinkTargetHash { get; }

    /// <summary>Adds an objective and returns its item index.</summary>
    public int AddObjective(string? id, string? ownerId, string? periodId, ReadOnlySpan<AlignmentLink> links)
    {
        var item = AddItem(id, -1, ownerId, periodId, null, null);
        AddLinks(links);
        return item;
    }

    /// <inheritdoc cref="AddObjective(string?, string?, string?, ReadOnlySpan{AlignmentLink})"/>
    public int AddObjective(string? id, string? ownerId, string? periodId, ReadOnlySpan<LinkSpec> links)
    {
        var item = AddItem(id, -1, ownerId, periodId, null, null);
        AddLinks(links);
        return item;
    }

    /// <summary>Adds a key result of the objective at item index <paramref name="objectiveItem"/>.</summary>
    public void AddKeyResult(string? id, int objectiveItem, KeyResultKind? kind, RollupAggregate? aggregate, ReadOnlySpan<AlignmentLink> links)
    {
        AddItem(id, objectiveItem, null, null, kind, aggregate);
        AddLinks(links);
    }

    /// <inheritdoc cref="AddKeyResult(string?, int, KeyResultKind?, RollupAggregate?, ReadOnlySpan{AlignmentLink})"/>
    public void AddKeyResult(string? id, int objectiveItem, KeyResultKind? kind, RollupAggregate? aggregate, ReadOnlySpan<LinkSpec> links)
    {
        AddItem(id, objectiveItem, null, null, kind, aggregate);
        AddLinks(links);
    }

    public bool IsObjective(int item) => _objectiveItem[item] < 0;

    public bool IsRollup(int item) => _kind[item] == KeyResultKind.Rollup;

    public bool IsSumRollup(int item) => _kind[item] == KeyResultKind.Rollup && _aggregate[item] == RollupAggregate.Sum;

    /// <summary>The id a finding about this item names: its own, else its objective's.</summary>
    public string? SubjectOf(int item) => _itemId[item] ?? (IsObjective(item) ? null : _itemId[_objectiveItem[item]]);

    private int AddItem(string? id, int objectiveItem, string? ownerId, string? periodId, KeyResultKind? kind, RollupAggregate? aggregate)
    {
        var item = ItemCount;
        if (item == _itemId.Length)
        {
            var capacity = Math.Max(16, item * 2);
            Array.Resize(ref _itemId, capacity);
            Array.Resize(ref _objectiveItem, capacity);
            Array.Resize(ref _ownerId, capacity);
            Array.Resize(ref _periodId, capacity);
            Array.Resize(ref _kind, capacity);
            Array.Resize(ref _aggregate, capacity);
            Array.Resize(ref _linkStart, capacity + 1);
        }

        _itemId[item] = id;
        _objectiveItem[item] = objectiveItem;
        _ownerId[item] = ownerId;
        _periodId[item] = periodId;
        _kind[item] = kind;
        _aggregate[item] = aggregate;
        _linkStart[item + 1] = _linkStart[item];
        ItemCount = item + 1;
        return item;
    }

    private void AddLinks(ReadOnlySpan<AlignmentLink> links)
    {
        foreach (var link in links)
        {
            AddLink(link.TargetKind, link.TargetId, link.Weight);
        }
    }

    private void AddLinks(ReadOnlySpan<LinkSpec> links)
    {
        foreach (var link in links)
        {
            AddLink(link.TargetKind, link.TargetId, link.Weight);
        }
    }

    /// <summary>Adds a link of the item added last.</summary>
    private void AddLink(AlignmentTargetKind kind, string targetId, double weight)
    {
        var link = _linkStart[ItemCount];
        if (link == _linkKind.Length)
        {
            Array.Resize(ref _linkKind, Math.Max(16, link * 2));
            Array.Resize(ref _linkTargetId, Math.Max(16, link * 2));
            Array.Resize(ref _linkWeight, Math.Max(16, link * 2));
        }

        _linkKind[link] = kind;
        _linkTargetId[link] = targetId;
        _linkWeight[link] = weight;
        _linkStart[ItemCount] = link + 1;
    }
}

internal sealed record OwnerSpec(string? Id, string? ParentId);

/// <summary>A link as the document reader found it (its weight may have been invalid, reported already).</summary>
internal readonly record struct LinkSpec(AlignmentTargetKind TargetKind, string TargetId, double Weight);
