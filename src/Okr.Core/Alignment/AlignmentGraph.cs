using OneOf;

namespace Okr.Core;

/// <summary>
/// The compiled, validated form of an <see cref="OkrSet"/>: every objective and key result as a node in document
/// order, the counted inputs of each node in flat arrays, and a children-first order to evaluate them in.
/// Built once (<see cref="TryBuild"/>), evaluated as of any day (<see cref="Evaluate"/>), queried by a host UI
/// (parents, children, ancestors, descendants, roots, depth, paths). Nothing here recurses.
/// </summary>
public sealed class AlignmentGraph
{
    private readonly Dictionary<string, int> _nodeById;
    private readonly int[][] _linkTargets;

    private AlignmentGraph(OkrSet set, TopologySpec spec, GraphValidator validated)
    {
        Set = set;
        _nodeById = validated.ItemIndex;
        _linkTargets = validated.LinkTargets;
        Order = validated.TopologicalOrder!;
        var count = spec.Items.Count;
        Ids = new string[count];
        ObjectiveOf = new int[count];
        KeyResults = new KeyResult?[count];
        Objectives = new Objective?[count];
        PeriodOf = new Period[count];
        SuccessTarget = new double[count];

        var periods = new Dictionary<string, Period>(StringComparer.Ordinal);
        foreach (var period in set.Periods)
        {
            periods.TryAdd(period.Id, period);
        }

        var node = 0;
        var objectiveNodes = new List<int>(set.Objectives.Count);
        foreach (var objective in set.Objectives)
        {
            var objectiveNode = node++;
            objectiveNodes.Add(objectiveNode);
            Ids[objectiveNode] = objective.Id;
            ObjectiveOf[objectiveNode] = -1;
            Objectives[objectiveNode] = objective;
            PeriodOf[objectiveNode] = periods[objective.PeriodId];
            SuccessTarget[objectiveNode] = set.Settings.SuccessTarget(objective.Commitment);
            foreach (var keyResult in objective.KeyResults)
            {
                Ids[node] = keyResult.Id;
                ObjectiveOf[node] = objectiveNode;
                KeyResults[node] = keyResult;
                PeriodOf[node] = PeriodOf[objectiveNode];
                SuccessTarget[node] = SuccessTarget[objectiveNode];
                node++;
            }
        }

        ObjectiveNodes = [.. objectiveNodes];
        Compiled = CompiledKeyResults.From(KeyResults);
        (InputStart, InputNode, InputWeight) = BuildInputs();
        (DependentStart, DependentNode) = Reverse(InputStart, InputNode, count);
        Plan = EvaluationPlan.For(this);
    }

    /// <summary>The set this graph was compiled from.</summary>
    public OkrSet Set { get; }

    /// <summary>The number of nodes (objectives plus key results).</summary>
    public int NodeCount => Ids.Length;

    internal string[] Ids { get; }

    /// <summary>For a key result node, its objective's node; -1 for an objective.</summary>
    internal int[] ObjectiveOf { get; }

    internal KeyResult?[] KeyResults { get; }

    internal Objective?[] Objectives { get; }

    internal int[] ObjectiveNodes { get; }

    /// <summary>The key results' kinds, definitions, check-ins and checklist items in flat arrays (the evaluation's inputs).</summary>
    internal CompiledKeyResults Compiled { get; }

    /// <summary>How <see cref="Evaluate"/> walks the nodes: passes, pace classes, sum rollup inputs.</summary>
    internal EvaluationPlan Plan { get; }

    internal Period[] PeriodOf { get; }

    internal double[] SuccessTarget { get; }

    /// <summary>Children first: every node after the nodes it is computed from.</summary>
    internal int[] Order { get; }

    /// <summary>Counted inputs of node n: <c>InputNode[InputStart[n]..InputStart[n+1]]</c>, in summation order.</summary>
    internal int[] InputStart { get; }

    internal int[] InputNode { get; }

    internal double[] InputWeight { get; }

    /// <summary>Nodes that take node n as an input (the reverse of the inputs).</summary>
    internal int[] DependentStart { get; }

    internal int[] DependentNode { get; }

    /// <summary>
    /// Compiles <paramref name="set"/>, or returns every duplicate id (OKR003), unknown or wrong-kind reference (OKR004),
    /// bad sum-rollup contributor (OKR006) and cycle (OKR008) at once.
    /// </summary>
    /// <param name="set">The OKR set.</param>
    public static OneOf<AlignmentGraph, OkrErrors> TryBuild(OkrSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var spec = TopologySpec.FromSet(set);
        var findings = new List<OkrDiagnostic>();
        var validated = GraphValidator.Run(spec, findings);
        return findings.Count > 0 ? new OkrErrors(findings) : new AlignmentGraph(set, spec, validated);
    }

    /// <summary>Compiles <paramref name="set"/>; throws <see cref="OkrValidationException"/> when it is invalid.</summary>
    /// <param name="set">The OKR set.</param>
    public static AlignmentGraph Build(OkrSet set) => TryBuild(set).Match(g => g, e => throw new OkrValidationException(e));

    /// <summary>Evaluates every node as of the end of <paramref name="asOf"/>.</summary>
    /// <param name="asOf">The day of evaluation.</param>
    public OkrEvaluation Evaluate(DateOnly asOf)
    {
        var state = new EvaluationState(this);
        RollupCalculator.EvaluateAll(this, state, asOf);
        return new OkrEvaluation(this, state, asOf);
    }

    /// <summary>Whether an objective or key result with this id exists.</summary>
    /// <param name="id">The id.</param>
    public bool Contains(string id) => id is not null && _nodeById.ContainsKey(id);

    /// <summary>The items <paramref name="id"/> aligns to (its alignsTo), in link order.</summary>
    /// <param name="id">An objective or key result id.</param>
    public ValueArray<string> Parents(string id) => Names(ParentNodes(NodeOf(id)));

    /// <summary>The items that align to <paramref name="id"/>, in document order.</summary>
    /// <param name="id">An objective or key result id.</param>
    public ValueArray<string> Children(string id)
    {
        var target = NodeOf(id);
        var children = new List<int>();
        for (var node = 0; node < NodeCount; node++)
        {
            if (Array.IndexOf(_linkTargets[node], target) >= 0)
            {
                children.Add(node);
            }
        }

        return Names(children);
    }

    /// <summary>Every item reachable upward from <paramref name="id"/> through alignments and from a key result to its objective, nearest first.</summary>
    /// <param name="id">An objective or key result id.</param>
    public ValueArray<string> Ancestors(string id) => Names(Reach(NodeOf(id), UpwardNodes));

    /// <summary>Every item from which <paramref name="id"/> is reachable upward, nearest first.</summary>
    /// <param name="id">An objective or key result id.</param>
    public ValueArray<string> Descendants(string id)
    {
        var down = DownwardAdjacency();
        return Names(Reach(NodeOf(id), n => down[n]));
    }

    /// <summary>Objectives that align to nothing (the tops of the cascade), in document order.</summary>
    public ValueArray<string> Roots() => Names(ObjectiveNodes.Where(n => _linkTargets[n].Length == 0));

    /// <summary>Objectives that align to nothing and to which nothing aligns, in document order.</summary>
    public ValueArray<string> UnalignedObjectives()
    {
        var down = DownwardAdjacency();
        return Names(ObjectiveNodes.Where(n => _linkTargets[n].Length == 0 && down[n].Count == 0 && !KeyResultsOf(n).Any(k => down[k].Count > 0)));
    }

    /// <summary>
    /// The number of alignment links in the longest upward chain from <paramref name="id"/>; a link to a key result
    /// continues from that key result's objective. A root objective has depth 0.
    /// </summary>
    /// <param name="id">An objective or key result id.</param>
    public int Depth(string id) => AlignmentDepths()[NodeOf(id)];

    /// <summary>
    /// Every path of alignments from <paramref name="id"/> up to an item that aligns to nothing (a key result
    /// continues to its objective). At most <paramref name="maxPaths"/> paths are returned.
    /// </summary>
    /// <param name="id">An objective or key result id.</param>
    /// <param name="maxPaths">The most paths to return (a DAG can have very many).</param>
    public ValueArray<ValueArray<string>> PathsToRoots(string id, int maxPaths = 1000)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxPaths);
        var paths = new List<ValueArray<string>>();
        var stack = new Stack<int[]>();
        stack.Push([NodeOf(id)]);
        while (stack.Count > 0 && paths.Count < maxPaths)
        {
            var path = stack.Pop();
            var up = UpwardNodes(path[^1]).ToArray();
            if (up.Length == 0)
            {
                paths.Add(Names(path));
                continue;
            }

            for (var i = up.Length - 1; i >= 0; i--)
            {
                stack.Push([.. path, up[i]]);
            }
        }

        return ValueArray.From(paths);
    }

    internal int NodeOf(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _nodeById.TryGetValue(id, out var node) ? node : throw new KeyNotFoundException($"No objective or key result has the id '{id}'.");
    }

    internal bool TryGetNode(string id, out int node) => _nodeById.TryGetValue(id, out node);

    internal int[] LinkTargetsOf(int node) => _linkTargets[node];

    internal IEnumerable<int> KeyResultsOf(int objectiveNode)
    {
        for (var node = objectiveNode + 1; node < NodeCount && ObjectiveOf[node] == objectiveNode; node++)
        {
            yield return node;
        }
    }

    /// <summary>Depth per node as <see cref="Depth"/> defines it, computed parents first (no recursion).</summary>
    internal int[] AlignmentDepths()
    {
        var depth = new int[NodeCount];
        for (var i = Order.Length - 1; i >= 0; i--)
        {
            var node = Order[i];
            var best = 0;
            foreach (var target in _linkTargets[node])
            {
                var parentObjective = ObjectiveOf[target] < 0 ? target : ObjectiveOf[target];
                best = Math.Max(best, 1 + depth[parentObjective]);
            }

            depth[node] = ObjectiveOf[node] >= 0 ? Math.Max(best, depth[ObjectiveOf[node]]) : best;
        }

        return depth;
    }

    private IEnumerable<int> ParentNodes(int node) => _linkTargets[node];

    private IEnumerable<int> UpwardNodes(int node)
    {
        foreach (var target in _linkTargets[node])
        {
            yield return target;
        }

        if (ObjectiveOf[node] >= 0)
        {
            yield return ObjectiveOf[node];
        }
    }

    private List<int>[] DownwardAdjacency()
    {
        var down = new List<int>[NodeCount];
        for (var node = 0; node < NodeCount; node++)
        {
            down[node] = [];
        }

        for (var node = 0; node < NodeCount; node++)
        {
            foreach (var up in UpwardNodes(node))
            {
                down[up].Add(node);
            }
        }

        return down;
    }

    private static List<int> Reach(int start, Func<int, IEnumerable<int>> next)
    {
        var seen = new HashSet<int> { start };
        var result = new List<int>();
        var queue = new Queue<int>();
        queue.Enqueue(start);
        while (queue.Count > 0)
        {
            foreach (var n in next(queue.Dequeue()))
            {
                if (seen.Add(n))
                {
                    result.Add(n);
                    queue.Enqueue(n);
                }
            }
        }

        return result;
    }

    private ValueArray<string> Names(IEnumerable<int> nodes) => ValueArray.From(nodes.Select(n => Ids[n]));

    /// <summary>
    /// The counted inputs of each node, in the order the spec sums them: an objective's own key results
    /// (weight &gt; 0) then its aligned objectives (link weight &gt; 0), each in document order; a rollup key result's
    /// contributors (link weight &gt; 0) in document order.
    /// </summary>
    private (int[] Start, int[] Node, double[] Weight) BuildInputs()
    {
        var count = NodeCount;
        var incoming = new List<(int Child, double Weight)>?[count];
        for (var child = 0; child < count; child++)
        {
            var links = child < count && ObjectiveOf[child] < 0 ? Objectives[child]!.AlignsTo : KeyResults[child]!.AlignsTo;
            for (var l = 0; l < links.Count; l++)
            {
                var weight = links[l].Weight;
                if (weight > 0)
                {
                    (incoming[_linkTargets[child][l]] ??= []).Add((child, weight));
                }
            }
        }

        var start = new int[count + 1];
        var nodes = new List<int>();
        var weights = new List<double>();
        for (var node = 0; node < count; node++)
        {
            start[node] = nodes.Count;
            if (ObjectiveOf[node] < 0)
            {
                var objective = Objectives[node]!;
                if (objective.ProgressFrom != ProgressSource.Children)
                {
                    foreach (var kr in KeyResultsOf(node))
                    {
                        if (KeyResults[kr]!.Weight > 0)
                        {
                            nodes.Add(kr);
                            weights.Add(KeyResults[kr]!.Weight);
                        }
                    }
                }

                if (objective.ProgressFrom != ProgressSource.KeyResults && incoming[node] is { } children)
                {
                    AddSorted(children, nodes, weights);
                }
            }
            else if (KeyResults[node]!.Kind == KeyResultKind.Rollup && incoming[node] is { } contributors)
            {
                AddSorted(contributors, nodes, weights);
            }
        }

        start[count] = nodes.Count;
        return (start, [.. nodes], [.. weights]);
    }

    private static void AddSorted(List<(int Child, double Weight)> inputs, List<int> nodes, List<double> weights)
    {
        inputs.Sort((a, b) => a.Child.CompareTo(b.Child));
        foreach (var (child, weight) in inputs)
        {
            nodes.Add(child);
            weights.Add(weight);
        }
    }

    private static (int[] Start, int[] Node) Reverse(int[] start, int[] inputs, int count)
    {
        var reverseStart = new int[count + 1];
        foreach (var input in inputs)
        {
            reverseStart[input + 1]++;
        }

        for (var i = 0; i < count; i++)
        {
            reverseStart[i + 1] += reverseStart[i];
        }

        var fill = (int[])reverseStart.Clone();
        var reverse = new int[inputs.Length];
        for (var node = 0; node < count; node++)
        {
            for (var i = start[node]; i < start[node + 1]; i++)
            {
                reverse[fill[inputs[i]]++] = node;
            }
        }

        return (reverseStart, reverse);
    }
}
