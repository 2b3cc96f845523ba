namespace Okr.Core;

/// <summary>
/// Checks the references and the shape of an OKR set (spec sections 5 and 7): duplicate ids (OKR003), unknown or
/// wrong-kind references (OKR004), bad sum-rollup contributors (OKR006) and cycles (OKR008). Iterative throughout:
/// a chain of a million alignments is fine.
/// </summary>
internal sealed class GraphValidator
{
    private readonly TopologySpec _spec;
    private readonly List<OkrDiagnostic> _findings;

    private GraphValidator(TopologySpec spec, List<OkrDiagnostic> findings)
    {
        _spec = spec;
        _findings = findings;
    }

    /// <summary>Item index by id (first occurrence wins).</summary>
    public Dictionary<string, int> ItemIndex { get; } = new(StringComparer.Ordinal);

    /// <summary>Per item, per link: the target item index, or -1 when it does not resolve.</summary>
    public int[][] LinkTargets { get; private set; } = [];

    /// <summary>Items children first (every item after all items that align to it and, for an objective, after its key results); null when there is a cycle.</summary>
    public int[]? TopologicalOrder { get; private set; }

    public static GraphValidator Run(TopologySpec spec, List<OkrDiagnostic> findings)
    {
        var validator = new GraphValidator(spec, findings);
        validator.Validate();
        return validator;
    }

    private void Validate()
    {
        var periods = IndexIds(_spec.PeriodIds, "period");
        var owners = IndexIds(_spec.Owners.Select(o => o.Id), "owner");
        IndexItems();
        CheckOwners(owners);
        CheckObjectiveReferences(owners, periods);
        ResolveLinks();
        CheckSumContributors();
        var edges = BuildEdges();
        var cyclic = false;
        ReportCycles(
            edges,
            _spec.Items.Count,
            i => _spec.Items[i].Id ?? "?",
            (i, message) =>
            {
                cyclic = true;
                Add(OkrCodes.AlignmentCycle, _spec.Items[i].Id, message);
            },
            "Alignment cycle",
            "Remove one of these alignments: progress must flow one way.");
        TopologicalOrder = cyclic ? null : TopologicalSort(edges);
    }

    private void Add(string code, string? subject, string message) => _findings.Add(OkrDiagnostic.Error(code, subject, message));

    private Dictionary<string, int> IndexIds(IEnumerable<string?> ids, string what)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        foreach (var id in ids)
        {
            if (id is not null && !index.TryAdd(id, i) && reported.Add(id))
            {
                Add(OkrCodes.DuplicateId, id, $"The {what} id '{id}' is used more than once: give each {what} its own id.");
            }

            i++;
        }

        return index;
    }

    private void IndexItems()
    {
        var reported = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < _spec.Items.Count; i++)
        {
            var id = _spec.Items[i].Id;
            if (id is not null && !ItemIndex.TryAdd(id, i) && reported.Add(id))
            {
                Add(OkrCodes.DuplicateId, id, $"The id '{id}' is used more than once (objectives and key results share one set of ids): give each its own id.");
            }
        }
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
        foreach (var item in _spec.Items)
        {
            if (!item.IsObjective)
            {
                continue;
            }

            if (item.OwnerId is not null && !owners.ContainsKey(item.OwnerId))
            {
                Add(OkrCodes.UnknownReference, item.Id, $"Objective '{item.Id}' has owner '{item.OwnerId}', which is not an owner: add it to 'owners' or fix 'owner'.");
            }

            if (item.PeriodId is not null && !periods.ContainsKey(item.PeriodId))
            {
                Add(OkrCodes.UnknownReference, item.Id, $"Objective '{item.Id}' has period '{item.PeriodId}', which is not a period: add it to 'periods' or fix 'period'.");
            }
        }
    }

    private void ResolveLinks()
    {
        LinkTargets = new int[_spec.Items.Count][];
        for (var i = 0; i < _spec.Items.Count; i++)
        {
            var item = _spec.Items[i];
            var targets = new int[item.Links.Count];
            for (var l = 0; l < item.Links.Count; l++)
            {
                var link = item.Links[l];
                var expected = link.TargetKind == AlignmentTargetKind.Objective ? "objective" : "keyResult";
                targets[l] = -1;
                if (!ItemIndex.TryGetValue(link.TargetId, out var target))
                {
                    Add(OkrCodes.UnknownReference, item.SubjectIn(_spec), $"{Describe(item)} aligns to {expected} '{link.TargetId}', which does not exist: fix the id or remove the link.");
                }
                else if (_spec.Items[target].IsObjective != (link.TargetKind == AlignmentTargetKind.Objective))
                {
                    var actual = _spec.Items[target].IsObjective ? "an objective" : "a key result";
                    var fix = _spec.Items[target].IsObjective ? "objective" : "keyResult";
                    Add(OkrCodes.UnknownReference, item.SubjectIn(_spec), $"{Describe(item)} aligns to {{\"{expected}\": \"{link.TargetId}\"}}, but '{link.TargetId}' is {actual}: write {{\"{fix}\": \"{link.TargetId}\"}}.");
                }
                else
                {
                    targets[l] = target;
                }
            }

            LinkTargets[i] = targets;
        }
    }

    private void CheckSumContributors()
    {
        for (var i = 0; i < _spec.Items.Count; i++)
        {
            var item = _spec.Items[i];
            for (var l = 0; l < item.Links.Count; l++)
            {
                var target = LinkTargets[i][l];
                if (target < 0 || !_spec.Items[target].IsSumRollup)
                {
                    continue;
                }

                // A contributor whose kind or aggregate is unknown was already reported (OKR002); it is not judged again.
                var summable = !item.IsObjective && (item.Kind is null || (item.IsRollup && item.Aggregate is null) || item.IsSumRollup || item.Kind is KeyResultKind.Increase
                    or KeyResultKind.Decrease or KeyResultKind.AtLeast or KeyResultKind.AtMost or KeyResultKind.Within);
                if (!summable)
                {
                    var sum = _spec.Items[target];
                    var what = item.IsObjective ? "an objective" : $"a {(item.Kind is { } kind ? KeyResultKinds.ToName(kind) : "?")}{(item.IsRollup ? " (mean)" : string.Empty)} key result";
                    Add(OkrCodes.InvalidKeyResult, sum.Id, $"Sum rollup '{sum.Id}' has contributor '{item.Id}', {what}: a sum adds current values, so only increase, decrease, atLeast, atMost, within or sum-rollup key results may align to it (use a mean rollup instead).");
                }
            }
        }
    }

    private int[][] BuildEdges()
    {
        var edges = new int[_spec.Items.Count][];
        for (var i = 0; i < _spec.Items.Count; i++)
        {
            var item = _spec.Items[i];
            var list = new List<int>(item.Links.Count + 1);
            if (!item.IsObjective)
            {
                list.Add(item.ObjectiveItem);
            }

            foreach (var target in LinkTargets[i])
            {
                if (target >= 0)
                {
                    list.Add(target);
                }
            }

            edges[i] = [.. list];
        }

        return edges;
    }

    private static string Describe(ItemSpec item) => item.IsObjective ? $"Objective '{item.Id}'" : $"Key result '{item.Id}'";

    /// <summary>Kahn's algorithm over child -> parent edges: children first, document order among ready items.</summary>
    private static int[] TopologicalSort(int[][] edges)
    {
        var count = edges.Length;
        var indegree = new int[count];
        foreach (var targets in edges)
        {
            foreach (var target in targets)
            {
                indegree[target]++;
            }
        }

        var order = new int[count];
        var head = 0;
        var tail = 0;
        for (var i = 0; i < count; i++)
        {
            if (indegree[i] == 0)
            {
                order[tail++] = i;
            }
        }

        while (head < tail)
        {
            var item = order[head++];
            foreach (var target in edges[item])
            {
                if (--indegree[target] == 0)
                {
                    order[tail++] = target;
                }
            }
        }

        return order;
    }

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
