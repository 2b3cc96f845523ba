namespace Okr.Core;

/// <summary>
/// Checks the references and the shape of an OKR set (spec sections 5 and 7): duplicate ids (OKR003), unknown or
/// wrong-kind references (OKR004), bad sum-rollup contributors (OKR006) and cycles (OKR008). Iterative throughout:
/// a chain of a million alignments is fine.
/// </summary>
internal sealed class GraphValidator
{
    // Link targets while resolving: not found, or found but an objective where a key result is expected or vice versa.
    private const int Unknown = -1;
    private const int WrongKind = -2;

    private readonly TopologySpec _spec;
    private readonly List<OkrDiagnostic> _findings;

    private GraphValidator(TopologySpec spec, List<OkrDiagnostic> findings)
    {
        _spec = spec;
        _findings = findings;
    }

    /// <summary>Item index by id (first occurrence wins).</summary>
    public IdIndex ItemIndex { get; private set; } = null!;

    /// <summary>Per link (indexed like <see cref="TopologySpec.LinkTargetId"/>): the target item index, or -1 when it does not resolve.</summary>
    public int[] LinkTarget { get; private set; } = [];

    /// <summary>Items children first (every item after all items that align to it and, for an objective, after its key results); null when there is a cycle.</summary>
    public int[]? TopologicalOrder { get; private set; }

    /// <param name="spec">The items, links, owners and periods.</param>
    /// <param name="findings">Where findings are added.</param>
    /// <param name="itemIndex">
    /// Optionally, every item id already indexed (built while the items were gathered); used only when it holds one
    /// entry per item, else the ids are indexed again and the duplicates reported.
    /// </param>
    public static GraphValidator Run(TopologySpec spec, List<OkrDiagnostic> findings, IdIndex? itemIndex = null)
    {
        var validator = new GraphValidator(spec, findings);
        validator.Validate(itemIndex);
        return validator;
    }

    private void Validate(IdIndex? itemIndex)
    {
        var periods = IndexIds(_spec.PeriodIds, "period");
        var ownerIds = new List<string?>(_spec.Owners.Count);
        foreach (var owner in _spec.Owners)
        {
            ownerIds.Add(owner.Id);
        }

        var owners = IndexIds(ownerIds, "owner");
        if (itemIndex is not null && itemIndex.Count == _spec.ItemCount)
        {
            ItemIndex = itemIndex;
        }
        else
        {
            IndexItems();
        }

        CheckOwners(owners);
        CheckObjectiveReferences(owners, periods);
        ResolveLinks();
        CheckSumContributors();

        // Kahn's sort reaches every item exactly when there is no cycle: the (slower) cycle report runs only when it does not.
        TopologicalOrder = TopologicalSort();
        if (TopologicalOrder is null)
        {
            ReportCycles(
                BuildEdges(),
                _spec.ItemCount,
                i => _spec.ItemId[i] ?? "?",
                (i, message) => Add(OkrCodes.AlignmentCycle, _spec.ItemId[i], message),
                "Alignment cycle",
                "Remove one of these alignments: progress must flow one way.");
        }
    }

    private void Add(string code, string? subject, string message) => _findings.Add(OkrDiagnostic.Error(code, subject, message));

    private Dictionary<string, int> IndexIds(List<string?> ids, string what)
    {
        var index = new Dictionary<string, int>(ids.Count, StringComparer.Ordinal);
        HashSet<string>? reported = null;
        for (var i = 0; i < ids.Count; i++)
        {
            var id = ids[i];
            if (id is not null && !index.TryAdd(id, i) && (reported ??= new(StringComparer.Ordinal)).Add(id))
            {
                Add(OkrCodes.DuplicateId, id, $"The {what} id '{id}' is used more than once: give each {what} its own id.");
            }
        }

        return index;
    }

    private void IndexItems()
    {
        var ids = _spec.ItemId;
        var index = new IdIndex(ids, _spec.ItemCount);
        HashSet<string>? reported = null;
        for (var i = 0; i < _spec.ItemCount; i++)
        {
            var id = ids[i];
            if (id is not null && index.Add(i, IdIndex.HashOf(id)) >= 0 && (reported ??= new(StringComparer.Ordinal)).Add(id))
            {
                Add(OkrCodes.DuplicateId, id, $"The id '{id}' is used more than once (objectives and key results share one set of ids): give each its own id.");
            }
        }

        ItemIndex = index;
    }

    private void CheckOwners(Dictionary<string, int> owners)
    {
        var parents = new int[_spec.Owners.Count][];
        for (var i = 0; i < _spec.Owners.Count; i++)
        {
            var owner = _spec.Owners[i];
            parents[i] = [];
            if (owner.ParentId is null)
            {
                continue;
            }

            if (owners.TryGetValue(owner.ParentId, out var parent))
            {
                parents[i] = [parent];
            }
            else
            {
                Add(OkrCodes.UnknownReference, owner.Id, $"Owner '{owner.Id}' has parent '{owner.ParentId}', which is not an owner: add that owner or fix 'parent'.");
            }
        }

        ReportCycles(parents, _spec.Owners.Count, i => _spec.Owners[i].Id ?? "?", (i, message) => Add(OkrCodes.AlignmentCycle, _spec.Owners[i].Id, message), "Owner cycle", "Change one owner's parent: owners form a hierarchy.");
    }

    private void CheckObjectiveReferences(Dictionary<string, int> owners, Dictionary<string, int> periods)
    {
        // Objectives mostly share a few owner and period strings: skip the lookup when the same string was just found.
        string? knownOwner = null;
        string? knownPeriod = null;
        for (var objective = 0; objective < _spec.ObjectiveCount; objective++)
        {
            var id = _spec.ItemId[_spec.Objectives[objective]];
            var ownerId = _spec.OwnerId[objective];
            if (ownerId is not null && !ReferenceEquals(ownerId, knownOwner))
            {
                if (owners.ContainsKey(ownerId))
                {
                    knownOwner = ownerId;
                }
                else
                {
                    Add(OkrCodes.UnknownReference, id, $"Objective '{id}' has owner '{ownerId}', which is not an owner: add it to 'owners' or fix 'owner'.");
                }
            }

            var periodId = _spec.PeriodId[objective];
            if (periodId is not null && !ReferenceEquals(periodId, knownPeriod))
            {
                if (periods.ContainsKey(periodId))
                {
                    knownPeriod = periodId;
                }
                else
                {
                    Add(OkrCodes.UnknownReference, id, $"Objective '{id}' has period '{periodId}', which is not a period: add it to 'periods' or fix 'period'.");
                }
            }
        }
    }

    private void ResolveLinks()
    {
        var linkTarget = new int[_spec.LinkCount];
        Resolve(linkTarget);

        // Unresolved links are rare: their findings are worked out in a second pass, only when there are any.
        if (linkTarget.AsSpan().IndexOfAnyInRange(int.MinValue, -1) >= 0)
        {
            ReportUnresolved(linkTarget);
        }

        LinkTarget = linkTarget;
    }

    /// <summary>Looks up every link: its target item, or <see cref="Unknown"/> or <see cref="WrongKind"/>.</summary>
    private void Resolve(int[] linkTarget)
    {
        // Each lookup is a few cache misses (the table, the id found, its text): big sets share the links out
        // among the cores, whose lookups then wait on memory side by side. The index is only read here.
        const int chunkSize = 65_536;
        var hashes = _spec.LinkTargetHash;
        if (linkTarget.Length < 2 * chunkSize)
        {
            ResolveRange(linkTarget, hashes, 0, linkTarget.Length);
            return;
        }

        Parallel.For(0, (linkTarget.Length + chunkSize - 1) / chunkSize, SecondCore.LoopOptions(), chunk =>
            ResolveRange(linkTarget, hashes, chunk * chunkSize, Math.Min(linkTarget.Length, (chunk + 1) * chunkSize)));
    }

    private void ResolveRange(int[] linkTarget, int[]? hashes, int start, int end)
    {
        for (var l = start; l < end; l++)
        {
            if (hashes is not null && l + IdIndex.PrefetchDistance < end)
            {
                ItemIndex.Prefetch(hashes[l + IdIndex.PrefetchDistance]);
            }

            var id = _spec.LinkTargetId[l];
            linkTarget[l] = !ItemIndex.TryGetValue(id, hashes?[l] ?? IdIndex.HashOf(id), out var target) ? Unknown
                : _spec.IsObjective(target) != (_spec.LinkKind[l] == AlignmentTargetKind.Objective) ? WrongKind
                : target;
        }
    }

    /// <summary>Reports every link that did not resolve, in document order, and leaves -1 as its target.</summary>
    private void ReportUnresolved(int[] linkTarget)
    {
        var linkStart = _spec.LinkStart;
        for (var item = 0; item < _spec.ItemCount; item++)
        {
            for (var l = linkStart[item]; l < linkStart[item + 1]; l++)
            {
                var targetId = _spec.LinkTargetId[l];
                var expected = _spec.LinkKind[l] == AlignmentTargetKind.Objective ? "objective" : "keyResult";
                if (linkTarget[l] == Unknown)
                {
                    Add(OkrCodes.UnknownReference, _spec.SubjectOf(item), $"{Describe(item)} aligns to {expected} '{targetId}', which does not exist: fix the id or remove the link.");
                }
                else if (linkTarget[l] == WrongKind)
                {
                    ItemIndex.TryGetValue(targetId, out var target);
                    var targetIsObjective = _spec.IsObjective(target);
                    var actual = targetIsObjective ? "an objective" : "a key result";
                    var fix = targetIsObjective ? "objective" : "keyResult";
                    // A key result may align only to key results, so it is not told to write {"objective": ...}.
                    var advice = targetIsObjective && !_spec.IsObjective(item)
                        ? "a key result aligns only to key results: align it to one of that objective's key results, or align its objective instead"
                        : $"write {{\"{fix}\": \"{targetId}\"}}";
                    Add(OkrCodes.UnknownReference, _spec.SubjectOf(item), $"{Describe(item)} aligns to {{\"{expected}\": \"{targetId}\"}}, but '{targetId}' is {actual}: {advice}.");
                }
                else
                {
                    continue;
                }

                linkTarget[l] = -1;
            }
        }
    }

    private void CheckSumContributors()
    {
        var linkStart = _spec.LinkStart;
        for (var item = 0; item < _spec.ItemCount; item++)
        {
            for (var l = linkStart[item]; l < linkStart[item + 1]; l++)
            {
                var target = LinkTarget[l];
                if (target < 0 || !_spec.IsSumRollup(target))
                {
                    continue;
                }

                // A contributor whose kind or aggregate is unknown was already reported (OKR002); it is not judged again.
                var kind = _spec.KindOf(item);
                var isObjective = _spec.IsObjective(item);
                var isRollup = _spec.IsRollup(item);
                var summable = !isObjective && (kind is null || (isRollup && _spec.AggregateOf(item) is null) || _spec.IsSumRollup(item) || kind is KeyResultKind.Increase
                    or KeyResultKind.Decrease or KeyResultKind.AtLeast or KeyResultKind.AtMost or KeyResultKind.Within);
                if (!summable)
                {
                    var sumId = _spec.ItemId[target];
                    var what = isObjective ? "an objective" : $"a {(kind is { } known ? KeyResultKinds.ToName(known) : "?")}{(isRollup ? " (mean)" : string.Empty)} key result";
                    Add(OkrCodes.InvalidKeyResult, sumId, $"Sum rollup '{sumId}' has contributor '{_spec.ItemId[item]}', {what}: a sum adds current values, so only increase, decrease, atLeast, atMost, within or sum-rollup key results may align to it (use a mean rollup instead).");
                }
            }
        }
    }

    /// <summary>
    /// Kahn's algorithm over child -> parent edges (a key result to its objective, then each resolved link):
    /// children first, document order among ready items. Null when some item is never ready (a cycle).
    /// </summary>
    private int[]? TopologicalSort()
    {
        var count = _spec.ItemCount;
        var objectiveItem = _spec.ObjectiveItem;
        var linkStart = _spec.LinkStart;
        var linkTarget = LinkTarget;
        var indegree = new int[count];
        for (var item = 0; item < count; item++)
        {
            if (objectiveItem[item] >= 0)
            {
                indegree[objectiveItem[item]]++;
            }

            for (var l = linkStart[item]; l < linkStart[item + 1]; l++)
            {
                if (linkTarget[l] >= 0)
                {
                    indegree[linkTarget[l]]++;
                }
            }
        }

        var order = new int[count];
        var head = 0;
        var tail = 0;
        for (var item = 0; item < count; item++)
        {
            if (indegree[item] == 0)
            {
                order[tail++] = item;
            }
        }

        while (head < tail)
        {
            var item = order[head++];
            var objective = objectiveItem[item];
            if (objective >= 0 && --indegree[objective] == 0)
            {
                order[tail++] = objective;
            }

            for (var l = linkStart[item]; l < linkStart[item + 1]; l++)
            {
                var target = linkTarget[l];
                if (target >= 0 && --indegree[target] == 0)
                {
                    order[tail++] = target;
                }
            }
        }

        return tail == count ? order : null;
    }

    /// <summary>The child -> parent edges as adjacency lists, for the cycle report.</summary>
    private int[][] BuildEdges()
    {
        var edges = new int[_spec.ItemCount][];
        var linkStart = _spec.LinkStart;
        for (var item = 0; item < _spec.ItemCount; item++)
        {
            var list = new List<int>(linkStart[item + 1] - linkStart[item] + 1);
            if (!_spec.IsObjective(item))
            {
                list.Add(_spec.ObjectiveItem[item]);
            }

            for (var l = linkStart[item]; l < linkStart[item + 1]; l++)
            {
                if (LinkTarget[l] >= 0)
                {
                    list.Add(LinkTarget[l]);
                }
            }

            edges[item] = [.. list];
        }

        return edges;
    }

    private string Describe(int item) => _spec.IsObjective(item) ? $"Objective '{_spec.ItemId[item]}'" : $"Key result '{_spec.ItemId[item]}'";

    /// <summary>
    /// Reports one finding per strongly connected component of two or more nodes and one per self-loop,
    /// on the member first in document order, with one cycle through it spelled out.
    /// </summary>
    private static void ReportCycles(int[][] edges, int count, Func<int, string> name, Action<int, string> report, string label, string fix)
    {
        var component = StronglyConnectedComponents(edges, count, out var componentCount);
        var sizes = new int[componentCount];
        var first = new int[componentCount];
        Array.Fill(first, -1);
        for (var i = 0; i < count; i++)
        {
            sizes[component[i]]++;
            if (first[component[i]] < 0)
            {
                first[component[i]] = i;
            }
        }

        var reported = new bool[componentCount];
        for (var i = 0; i < count; i++)
        {
            var c = component[i];
            if (sizes[c] > 1 && !reported[c])
            {
                reported[c] = true;
                var start = first[c];
                var cycle = FindCycle(edges, component, start);
                report(start, $"{label}: {string.Join(" -> ", cycle.Select(name))}. {fix}");
            }

            if (Array.IndexOf(edges[i], i) >= 0)
            {
                report(i, $"{label}: {name(i)} -> {name(i)}. {fix}");
            }
        }
    }

    /// <summary>Shortest cycle through <paramref name="start"/> inside its component (breadth-first).</summary>
    private static List<int> FindCycle(int[][] edges, int[] component, int start)
    {
        var previous = new Dictionary<int, int> { [start] = -1 };
        var queue = new Queue<int>();
        queue.Enqueue(start);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            foreach (var next in edges[node])
            {
                if (component[next] != component[start])
                {
                    continue;
                }

                if (next == start && node != start)
                {
                    var path = new List<int> { start };
                    for (var at = node; at != start; at = previous[at])
                    {
                        path.Add(at);
                    }

                    path.Add(start);
                    path.Reverse(1, path.Count - 2);
                    return path;
                }

                if (previous.TryAdd(next, node))
                {
                    queue.Enqueue(next);
                }
            }
        }

        return [start, start];
    }

    /// <summary>Tarjan's algorithm with an explicit stack (no recursion).</summary>
    private static int[] StronglyConnectedComponents(int[][] edges, int count, out int componentCount)
    {
        var index = new int[count];
        var low = new int[count];
        var onStack = new bool[count];
        var component = new int[count];
        Array.Fill(index, -1);
        var stack = new Stack<int>();
        var callStack = new Stack<(int Node, int Edge)>();
        var nextIndex = 0;
        componentCount = 0;

        for (var root = 0; root < count; root++)
        {
            if (index[root] >= 0)
            {
                continue;
            }

            callStack.Push((root, 0));
            index[root] = low[root] = nextIndex++;
            stack.Push(root);
            onStack[root] = true;

            while (callStack.Count > 0)
            {
                var (node, edge) = callStack.Pop();
                if (edge < edges[node].Length)
                {
                    callStack.Push((node, edge + 1));
                    var next = edges[node][edge];
                    if (index[next] < 0)
                    {
                        index[next] = low[next] = nextIndex++;
                        stack.Push(next);
                        onStack[next] = true;
                        callStack.Push((next, 0));
                    }
                    else if (onStack[next])
                    {
                        low[node] = Math.Min(low[node], index[next]);
                    }

                    continue;
                }

                if (low[node] == index[node])
                {
                    int member;
                    do
                    {
                        member = stack.Pop();
                        onStack[member] = false;
                        component[member] = componentCount;
                    }
                    while (member != node);
                    componentCount++;
                }

                if (callStack.Count > 0)
                {
                    var parent = callStack.Peek().Node;
                    low[parent] = Math.Min(low[parent], low[node]);
                }
            }
        }

        return component;
    }
}
