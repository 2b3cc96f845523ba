namespace Okr.Core;

/// <summary>
/// The shape of an OKR set that graph validation needs: ids, owners, periods, kinds and links, in document order.
/// Built from an <see cref="OkrSet"/> (by <see cref="AlignmentGraph.TryBuild"/>) or straight from a document (whose
/// items may be partly invalid), so both paths report the same OKR003/OKR004/OKR006/OKR008 findings.
/// </summary>
/// <remarks>
/// Items (objectives and key results) are kept in parallel arrays indexed by item, and their links in one flat list
/// (<c>Link*[LinkStart[i]..LinkStart[i + 1]]</c>): a million-objective set is a handful of arrays, not millions of
/// small objects. Only the first <see cref="ItemCount"/> items and <see cref="LinkCount"/> links are in use. Owners
/// and periods belong to objectives only, so they are kept per objective (<see cref="ObjectiveCount"/> of them), and a
/// key result's kind and aggregate take a byte each: a build writes and reads less of what it throws away.
/// </remarks>
internal sealed class TopologySpec
{
    private string?[] _itemId;
    private int[] _objectiveItem;
    private byte[] _kind;
    private byte[] _aggregate;
    private int[] _objectives;
    private string?[] _ownerId;
    private string?[] _periodId;
    private int[] _linkStart;
    private AlignmentTargetKind[] _linkKind;
    private string[] _linkTargetId;
    private double[] _linkWeight;

    public TopologySpec(int itemCapacity = 16, int linkCapacity = 16)
    {
        _itemId = new string?[itemCapacity];
        _objectiveItem = new int[itemCapacity];
        _kind = new byte[itemCapacity];
        _aggregate = new byte[itemCapacity];
        _objectives = new int[itemCapacity];
        _ownerId = new string?[itemCapacity];
        _periodId = new string?[itemCapacity];
        _linkStart = new int[itemCapacity + 1];
        _linkKind = new AlignmentTargetKind[linkCapacity];
        _linkTargetId = new string[linkCapacity];
        _linkWeight = new double[linkCapacity];
    }

    /// <summary>
    /// A spec over arrays its caller has filled (see <see cref="AlignmentGraph.SetNodes"/>): <paramref name="itemCount"/>
    /// items (kinds and aggregates as <see cref="CodeOf(KeyResultKind?)"/> gives them), the objectives' items, owners and
    /// periods, the links flat as in the other constructor, and each link target's <see cref="IdIndex.HashOf"/>.
    /// The arrays are adopted, not copied.
    /// </summary>
    public TopologySpec(
        int itemCount,
        string?[] itemId,
        int[] objectiveItem,
        byte[] kind,
        byte[] aggregate,
        int[] objectives,
        string?[] ownerId,
        string?[] periodId,
        int[] linkStart,
        AlignmentTargetKind[] linkKind,
        string[] linkTargetId,
        double[] linkWeight,
        int[] linkTargetHash)
    {
        ItemCount = itemCount;
        _itemId = itemId;
        _objectiveItem = objectiveItem;
        _kind = kind;
        _aggregate = aggregate;
        _objectives = objectives;
        ObjectiveCount = objectives.Length;
        _ownerId = ownerId;
        _periodId = periodId;
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

    /// <summary>For a key result, the item index of its objective; negative for an objective (-1, or in a graph's build the complement of its index).</summary>
    public int[] ObjectiveItem => _objectiveItem;

    /// <summary>The number of objectives.</summary>
    public int ObjectiveCount { get; private set; }

    /// <summary>Objective o's item index, for o below <see cref="ObjectiveCount"/>.</summary>
    public int[] Objectives => _objectives;

    /// <summary>Objective o's owner id.</summary>
    public string?[] OwnerId => _ownerId;

    /// <summary>Objective o's period id.</summary>
    public string?[] PeriodId => _periodId;

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
        var item = AddItem(id, -1, null, null);
        AddObjectiveReferences(item, ownerId, periodId);
        AddLinks(links);
        return item;
    }

    /// <inheritdoc cref="AddObjective(string?, string?, string?, ReadOnlySpan{AlignmentLink})"/>
    public int AddObjective(string? id, string? ownerId, string? periodId, ReadOnlySpan<LinkSpec> links)
    {
        var item = AddItem(id, -1, null, null);
        AddObjectiveReferences(item, ownerId, periodId);
        AddLinks(links);
        return item;
    }

    /// <summary>Adds a key result of the objective at item index <paramref name="objectiveItem"/>.</summary>
    public void AddKeyResult(string? id, int objectiveItem, KeyResultKind? kind, RollupAggregate? aggregate, ReadOnlySpan<AlignmentLink> links)
    {
        AddItem(id, objectiveItem, kind, aggregate);
        AddLinks(links);
    }

    /// <inheritdoc cref="AddKeyResult(string?, int, KeyResultKind?, RollupAggregate?, ReadOnlySpan{AlignmentLink})"/>
    public void AddKeyResult(string? id, int objectiveItem, KeyResultKind? kind, RollupAggregate? aggregate, ReadOnlySpan<LinkSpec> links)
    {
        AddItem(id, objectiveItem, kind, aggregate);
        AddLinks(links);
    }

    public bool IsObjective(int item) => _objectiveItem[item] < 0;

    /// <summary>A key result's kind; null for an objective, or a kind the document did not give validly.</summary>
    public KeyResultKind? KindOf(int item) => _kind[item] == 0 ? null : (KeyResultKind)(_kind[item] - 1);

    /// <summary>A key result's aggregate; null when it has none (or not a valid one).</summary>
    public RollupAggregate? AggregateOf(int item) => _aggregate[item] == 0 ? null : (RollupAggregate)(_aggregate[item] - 1);

    public bool IsRollup(int item) => _kind[item] == CodeOf(KeyResultKind.Rollup);

    public bool IsSumRollup(int item) => IsRollup(item) && _aggregate[item] == CodeOf(RollupAggregate.Sum);

    /// <summary>A kind as a byte: 0 for none, else the kind plus one.</summary>
    public static byte CodeOf(KeyResultKind? kind) => kind is { } known ? (byte)(known + 1) : (byte)0;

    /// <summary>An aggregate as a byte: 0 for none, else the aggregate plus one.</summary>
    public static byte CodeOf(RollupAggregate? aggregate) => aggregate is { } known ? (byte)(known + 1) : (byte)0;

    /// <summary>The id a finding about this item names: its own, else its objective's.</summary>
    public string? SubjectOf(int item) => _itemId[item] ?? (IsObjective(item) ? null : _itemId[_objectiveItem[item]]);

    private int AddItem(string? id, int objectiveItem, KeyResultKind? kind, RollupAggregate? aggregate)
    {
        var item = ItemCount;
        if (item == _itemId.Length)
        {
            var capacity = Math.Max(16, item * 2);
            Array.Resize(ref _itemId, capacity);
            Array.Resize(ref _objectiveItem, capacity);
            Array.Resize(ref _kind, capacity);
            Array.Resize(ref _aggregate, capacity);
            Array.Resize(ref _linkStart, capacity + 1);
        }

        _itemId[item] = id;
        _objectiveItem[item] = objectiveItem;
        _kind[item] = CodeOf(kind);
        _aggregate[item] = CodeOf(aggregate);
        _linkStart[item + 1] = _linkStart[item];
        ItemCount = item + 1;
        return item;
    }

    private void AddObjectiveReferences(int item, string? ownerId, string? periodId)
    {
        var objective = ObjectiveCount;
        if (objective == _objectives.Length)
        {
            var capacity = Math.Max(16, objective * 2);
            Array.Resize(ref _objectives, capacity);
            Array.Resize(ref _ownerId, capacity);
            Array.Resize(ref _periodId, capacity);
        }

        _objectives[objective] = item;
        _ownerId[objective] = ownerId;
        _periodId[objective] = periodId;
        ObjectiveCount = objective + 1;
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
