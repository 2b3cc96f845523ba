using System.Collections.Immutable;
using System.Runtime.ExceptionServices;
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
    private readonly IdIndex _nodeById;

    // The links of node n resolved to nodes: _linkTarget[_linkStart[n].._linkStart[n + 1]], parallel to its AlignsTo.
    private readonly int[] _linkStart;
    private readonly int[] _linkTarget;
    private int[]? _depths;

    private AlignmentGraph(OkrSet set, SetNodes nodes, GraphValidator validated, CompiledKeyResults compiled, Inputs inputs, EvaluationPlan plan)
    {
        Set = set;
        _nodeById = validated.ItemIndex;
        _linkStart = nodes.Spec.LinkStart;
        _linkTarget = validated.LinkTarget;
        Order = validated.TopologicalOrder!;
        Ids = nodes.Ids;
        ObjectiveOf = nodes.ObjectiveOf;
        KeyResults = nodes.KeyResults;
        ObjectiveNodes = nodes.ObjectiveNodes;
        (InputStart, InputNode, InputWeight, DependentStart, DependentNode) = inputs;
        Compiled = compiled;
        Plan = plan;
    }

    /// <summary>What a node sums: an objective its own key results and/or what aligns to it (progressFrom); a rollup key result what aligns to it.</summary>
    [Flags]
    internal enum InputSources : byte
    {
        None = 0,
        OwnKeyResults = 1,
        Aligned = 2,
    }

    /// <summary>The set this graph was compiled from.</summary>
    public OkrSet Set { get; }

    /// <summary>The number of nodes (objectives plus key results).</summary>
    public int NodeCount => Ids.Length;

    internal string[] Ids { get; }

    /// <summary>
    /// For a key result node, its objective's node; for an objective node, the complement (<c>~i</c>, negative) of its
    /// index <c>i</c> in the set's objectives (<see cref="ObjectiveRecord"/>). The sign tells the two apart.
    /// </summary>
    internal int[] ObjectiveOf { get; }

    internal KeyResult?[] KeyResults { get; }

    internal int[] ObjectiveNodes { get; }

    /// <summary>Whether <paramref name="node"/> is an objective (its <see cref="ObjectiveOf"/> is negative), not a key result.</summary>
    /// <param name="node">An objective or key result node.</param>
    internal bool IsObjective(int node) => ObjectiveOf[node] < 0;

    /// <summary><paramref name="node"/> itself when it is an objective, its objective's node when it is a key result.</summary>
    /// <param name="node">An objective or key result node.</param>
    internal int ObjectiveNodeOf(int node) => IsObjective(node) ? node : ObjectiveOf[node];

    /// <summary>
    /// The objective record of <paramref name="node"/>, or of its objective when it is a key result: read from the set
    /// through <see cref="ObjectiveOf"/>, so the graph keeps no reference per node.
    /// </summary>
    /// <param name="node">An objective or key result node.</param>
    internal Objective ObjectiveRecord(int node) => Set.Objectives[ObjectiveIndex(node)];

    /// <summary>The index in the set's objectives of the objective that holds node <paramref name="node"/>.</summary>
    internal int ObjectiveIndex(int node) => ~ObjectiveOf[ObjectiveNodeOf(node)];

    /// <summary>The key results' kinds, definitions, check-ins and checklist items in flat arrays (the evaluation's inputs).</summary>
    internal CompiledKeyResults Compiled { get; }

    /// <summary>How <see cref="Evaluate"/> walks the nodes: passes, pace classes, sum rollup inputs.</summary>
    internal EvaluationPlan Plan { get; }

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
        var nodes = new SetNodes(set);

        // The key results' check-ins need nothing from validation: they compile meanwhile on the other cores, given
        // up if the set is invalid. The one-core steps (the id index, validation, the inputs, the evaluation plan) run
        // on this thread, which then joins the compilation for what is left, so no core waits for another.
        // (Parallel.Invoke runs the first action on this thread, and the others here too if no other thread took
        // them; with the one-core switch, all here, in order.)
        var findings = new List<OkrDiagnostic>();
        GraphValidator? validated = null;
        Inputs? inputs = null;
        EvaluationPlan? plan = null;
        var compilation = new CompiledKeyResults.Compilation(nodes.KeyResults, nodes.Kinds, nodes.CheckInStart, nodes.ItemStart);

        // Failures are kept for after validation: an invalid set still answers with its findings, and a valid one
        // throws what failed, not an AggregateException. (Should several threads fail, one failure is kept.)
        ExceptionDispatchInfo? failure = null;
        using var cancel = new CancellationTokenSource();
        void Run(Action step)
        {
            try
            {
                step();
            }
            catch (Exception thrown)
            {
                failure = ExceptionDispatchInfo.Capture(thrown);
                cancel.Cancel();
            }
        }

        // This thread's steps, then a compilation joiner for every other core (no more than there are chunks).
        var steps = new Action[1 + Math.Clamp(Environment.ProcessorCount - 1, 1, Math.Max(1, compilation.Chunks))];
        steps[0] = () =>
        {
            validated = GraphValidator.Run(nodes.Spec, findings, nodes.Index);
            if (findings.Count > 0)
            {
                cancel.Cancel();
                return;
            }

            Run(() =>
            {
                inputs = Inputs.Of(nodes, validated.LinkTarget);
                plan = EvaluationPlan.For(new PlanSource(
                    set.Settings, nodes.Kinds, nodes.KeyResults, nodes.CheckInStart, validated.TopologicalOrder!, inputs.Start, inputs.Node, inputs.Weight, nodes.PaceClassOf, nodes.PaceClasses));
                compilation.Join(cancel.Token);
            });
        };
        for (var step = 1; step < steps.Length; step++)
        {
            steps[step] = () => Run(() => compilation.Join(cancel.Token));
        }

        Parallel.Invoke(SecondCore.LoopOptions(), steps);
        if (findings.Count > 0)
        {
            return new OkrErrors(findings);
        }

        failure?.Throw();
        return new AlignmentGraph(set, nodes, validated!, compilation.Table, inputs!, plan!);
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
    public ValueArray<string> Parents(string id) => Names(LinkTargetSpan(NodeOf(id)).ToArray());

    /// <summary>The items that align to <paramref name="id"/>, in document order (each call reads every node's links).</summary>
    /// <param name="id">An objective or key result id.</param>
    public ValueArray<string> Children(string id)
    {
        var target = NodeOf(id);
        var children = new List<int>();
        for (var node = 0; node < NodeCount; node++)
        {
            if (LinkTargetSpan(node).Contains(target))
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
    public ValueArray<string> Roots() => Names(ObjectiveNodes.Where(n => LinkTargetSpan(n).IsEmpty));

    /// <summary>Objectives that align to nothing and to which nothing aligns, in document order.</summary>
    public ValueArray<string> UnalignedObjectives()
    {
        var down = DownwardAdjacency();
        return Names(ObjectiveNodes.Where(n => LinkTargetSpan(n).IsEmpty && down[n].Count == 0 && !KeyResultsOf(n).Any(k => down[k].Count > 0)));
    }

    /// <summary>
    /// The number of alignment links in the longest upward chain from <paramref name="id"/>; a link to a key result
    /// continues from that key result's objective. A root objective has depth 0.
    /// </summary>
    /// <param name="id">An objective or key result id.</param>
    public int Depth(string id)
    {
        var node = NodeOf(id);

        // Computed for the whole graph once, on the first call: a dashboard asks for many items' depths.
        var depths = _depths ?? Interlocked.CompareExchange(ref _depths, AlignmentDepths(), null) ?? _depths;
        return depths[node];
    }

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

        // Depth-first with one path that each step cuts back to its depth and extends: copying the path at every step
        // made a long chain quadratic (a 40,000-link chain took 2 s and 4 GB for one path).
        var path = new List<int>();
        var stack = new Stack<(int Node, int Depth)>();
        stack.Push((NodeOf(id), 0));
        while (stack.Count > 0 && paths.Count < maxPaths)
        {
            var (node, depth) = stack.Pop();
            path.RemoveRange(depth, path.Count - depth);
            path.Add(node);
            var up = UpwardNodes(node).ToArray();
            if (up.Length == 0)
            {
                paths.Add(Names(path));
                continue;
            }

            for (var i = up.Length - 1; i >= 0; i--)
            {
                stack.Push((up[i], depth + 1));
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

    /// <summary>The nodes <paramref name="node"/>'s links resolve to, in link order.</summary>
    internal ReadOnlySpan<int> LinkTargetSpan(int node) => _linkTarget.AsSpan(_linkStart[node], _linkStart[node + 1] - _linkStart[node]);

    internal IEnumerable<int> KeyResultsOf(int objectiveNode) => Enumerable.Range(objectiveNode + 1, KeyResultsEnd(objectiveNode) - objectiveNode - 1);

    /// <summary>Where the key results of <paramref name="objectiveNode"/> end: they are the nodes after it up to (not including) this one.</summary>
    internal int KeyResultsEnd(int objectiveNode)
    {
        var node = objectiveNode + 1;
        while (node < NodeCount && ObjectiveOf[node] == objectiveNode)
        {
            node++;
        }

        return node;
    }

    /// <summary>Depth per node as <see cref="Depth"/> defines it, computed parents first (no recursion).</summary>
    internal int[] AlignmentDepths()
    {
        var depth = new int[NodeCount];
        for (var i = Order.Length - 1; i >= 0; i--)
        {
            var node = Order[i];
            var best = 0;
            foreach (var target in LinkTargetSpan(node))
            {
                best = Math.Max(best, 1 + depth[ObjectiveNodeOf(target)]);
            }

            depth[node] = IsObjective(node) ? best : Math.Max(best, depth[ObjectiveOf[node]]);
        }

        return depth;
    }

    private IEnumerable<int> UpwardNodes(int node)
    {
        for (var link = _linkStart[node]; link < _linkStart[node + 1]; link++)
        {
            yield return _linkTarget[link];
        }

        if (!IsObjective(node))
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
    /// Everything a build takes from the set's objects, read in one visit: the topology to validate, the id index, the
    /// graph's per-node arrays, and each node's kind and where its check-ins and checklist items start, which
    /// <see cref="CompiledKeyResults"/> and <see cref="EvaluationPlan"/> start from (made before validation; thrown away
    /// when the set is invalid). The visit is done once, by chunks of objectives shared among the cores, each chunk
    /// writing its own nodes. (Reading the records is not what makes a build slow: reading every input once takes about
    /// a sixth of a build, see the benchmarks' <c>ReadFloor</c>; the work done per record is the rest.)
    /// Internal (not private) for the benchmarks' stage timings.
    /// </summary>
    internal sealed class SetNodes
    {
        // Objectives per chunk: enough to make a chunk's bookkeeping negligible, small enough to balance the cores.
        private const int ChunkSize = 8_192;

        private readonly ImmutableArray<Objective> _objectives;
        private readonly int[] _chunkNode;
        private readonly Dictionary<string, int> _periods;

        // For the spec: per item, then per objective.
        private readonly byte[] _kind;
        private readonly byte[] _aggregate;
        private readonly int[] _linkStart;
        private readonly string?[] _ownerId;
        private readonly string?[] _periodId;
        private readonly int[] _idHash;
        private IdIndex? _index;
        private bool _indexed;

        public SetNodes(OkrSet set)
        {
            _objectives = set.Objectives.AsImmutableArray();
            var chunks = (_objectives.Length + ChunkSize - 1) / ChunkSize;

            // First the number of nodes in each chunk, so that every chunk knows where its nodes start.
            _chunkNode = new int[chunks + 1];
            Parallel.For(0, chunks, SecondCore.LoopOptions(), chunk =>
            {
                var nodes = 0;
                for (var o = chunk * ChunkSize; o < Math.Min(_objectives.Length, (chunk + 1) * ChunkSize); o++)
                {
                    nodes += 1 + _objectives[o].KeyResults.Count;
                }

                _chunkNode[chunk + 1] = nodes;
            });

            for (var chunk = 0; chunk < chunks; chunk++)
            {
                _chunkNode[chunk + 1] += _chunkNode[chunk];
            }

            var count = _chunkNode[chunks];
            Ids = new string[count];
            ObjectiveOf = new int[count];
            KeyResults = new KeyResult?[count];
            ObjectiveNodes = new int[_objectives.Length];
            PaceClassOf = new int[count];
            KeyResultWeight = new double[count];
            Sources = new InputSources[count];
            Kinds = new NodeKind[count];
            CheckInStart = new int[count + 1];
            ItemStart = new int[count + 1];
            _kind = new byte[count];
            _aggregate = new byte[count];
            _linkStart = new int[count + 1];
            _ownerId = new string?[_objectives.Length];
            _periodId = new string?[_objectives.Length];
            _idHash = new int[count];
            (_periods, PaceClasses) = PaceClassesOf(set);

            // Then the nodes themselves, each chunk keeping its links apart until the chunks' link counts are known.
            var chunkLinks = new List<(LinkSpec Link, int Hash)>[chunks];
            Parallel.For(0, chunks, SecondCore.LoopOptions(), chunk => chunkLinks[chunk] = FillChunk(chunk));

            // Counts per item become start positions; each chunk's links are copied to where its first item's start.
            for (var node = 0; node < count; node++)
            {
                _linkStart[node + 1] += _linkStart[node];
                CheckInStart[node + 1] += CheckInStart[node];
                ItemStart[node + 1] += ItemStart[node];
            }

            var linkCount = _linkStart[count];
            var linkKind = new AlignmentTargetKind[linkCount];
            var linkTargetId = new string[linkCount];
            var linkWeight = new double[linkCount];
            var linkHash = new int[linkCount];
            for (var chunk = 0; chunk < chunks; chunk++)
            {
                var at = _linkStart[_chunkNode[chunk]];
                foreach (var (link, hash) in chunkLinks[chunk])
                {
                    linkKind[at] = link.TargetKind;
                    linkTargetId[at] = link.TargetId;
                    linkWeight[at] = link.Weight;
                    linkHash[at++] = hash;
                }
            }

            Spec = new TopologySpec(count, Ids, ObjectiveOf, _kind, _aggregate, ObjectiveNodes, _ownerId, _periodId, _linkStart, linkKind, linkTargetId, linkWeight, linkHash);
            foreach (var period in set.Periods.AsSpan())
            {
                Spec.PeriodIds.Add(period.Id);
            }

            foreach (var owner in set.Owners.AsSpan())
            {
                Spec.Owners.Add(new OwnerSpec(owner.Id, owner.ParentId));
            }
        }

        public TopologySpec Spec { get; }

        /// <summary>
        /// Node by id; null when an id repeats (the validator then indexes the ids again and reports the repeats).
        /// Built on first use, so that a build can set the key results compiling first.
        /// </summary>
        public IdIndex? Index
        {
            get
            {
                if (!_indexed)
                {
                    _index = IndexIds();
                    _indexed = true;
                }

                return _index;
            }
        }

        public string[] Ids { get; }

        public int[] ObjectiveOf { get; }

        public KeyResult?[] KeyResults { get; }

        public int[] ObjectiveNodes { get; }

        /// <summary>Each node's index in <see cref="PaceClasses"/> (its objective's period and commitment).</summary>
        public int[] PaceClassOf { get; }

        /// <summary>Two pace classes per period (of the first period with each id): aspirational, then committed.</summary>
        public PaceClass[] PaceClasses { get; }

        public double[] KeyResultWeight { get; }

        public InputSources[] Sources { get; }

        /// <summary>For <see cref="CompiledKeyResults"/> and <see cref="EvaluationPlan"/>: each node's kind, and where its check-ins and checklist items start (node + 1: where the next node's do).</summary>
        public NodeKind[] Kinds { get; }

        public int[] CheckInStart { get; }

        public int[] ItemStart { get; }

        /// <summary>
        /// The periods by id (the first of equal ids: a repeat is reported by validation) and their pace classes, one
        /// per period and commitment at <see cref="PaceClassIndex"/>, so the gathering looks up no class.
        /// </summary>
        private static (Dictionary<string, int> Periods, PaceClass[] Classes) PaceClassesOf(OkrSet set)
        {
            var periods = new Dictionary<string, int>(StringComparer.Ordinal);
            var classes = new PaceClass[2 * set.Periods.Count];
            for (var p = 0; p < set.Periods.Count; p++)
            {
                var period = set.Periods[p];
                periods.TryAdd(period.Id, p);
                foreach (var commitment in (ReadOnlySpan<Commitment>)[Commitment.Aspirational, Commitment.Committed])
                {
                    classes[PaceClassIndex(p, commitment)] = new PaceClass(period.Start, period.End, set.Settings.SuccessTarget(commitment));
                }
            }

            return (periods, classes);
        }

        /// <summary>The pace class of an objective in period <paramref name="period"/> (its index in the set) with <paramref name="commitment"/>: two per period, aspirational then committed.</summary>
        private static int PaceClassIndex(int period, Commitment commitment) => (2 * period) + (commitment == Commitment.Committed ? 1 : 0);

        /// <summary>
        /// The id index, in node order so that the first of two equal ids wins: the hashes are ready, so each add reads
        /// one slot of the table and no string unless the hashes match. Null when an id repeats.
        /// </summary>
        private IdIndex? IndexIds()
        {
            var index = new IdIndex(Ids, Ids.Length);
            var repeated = false;
            for (var node = 0; node < Ids.Length; node++)
            {
                if (node + IdIndex.PrefetchDistance < Ids.Length)
                {
                    index.Prefetch(_idHash[node + IdIndex.PrefetchDistance]);
                }

                repeated |= index.Add(node, _idHash[node]) >= 0;
            }

            return repeated ? null : index;
        }

        /// <summary>Fills the nodes of one chunk of objectives; returns the chunk's links in item order (their counts per item are in <c>_linkStart[item + 1]</c>).</summary>
        private List<(LinkSpec Link, int Hash)> FillChunk(int chunk)
        {
            string? lastPeriodId = null;
            var lastPeriod = -1;
            var node = _chunkNode[chunk];
            var end = Math.Min(_objectives.Length, (chunk + 1) * ChunkSize);

            // Room for two links per objective or key result of the chunk's objectives (most objectives have a
            // parent, some a second one or a rollup key result to count toward), so that the list seldom grows:
            // at a million objectives, growing from empty allocated and copied about 60 MB more. The cost is that
            // a chunk reserves its 0.5 MB even when its objectives link nowhere; counting the links first would
            // read every objective's and key result's link list one more time.
            var links = new List<(LinkSpec, int)>(2 * (end - (chunk * ChunkSize)));
            for (var o = chunk * ChunkSize; o < end; o++)
            {
                PrefetchAhead(o, end);
                var objective = _objectives[o];
                var objectiveNode = node++;
                ObjectiveNodes[o] = objectiveNode;
                Ids[objectiveNode] = objective.Id;
                _idHash[objectiveNode] = IdIndex.HashOf(objective.Id);
                ObjectiveOf[objectiveNode] = ~o;
                _ownerId[o] = objective.OwnerId;
                _periodId[o] = objective.PeriodId;
                _linkStart[objectiveNode + 1] = AddLinks(links, objective.AlignsTo.AsSpan());

                // Objectives mostly share one period string: look it up only when it changes. An unknown period
                // leaves a class out of range here, but then validation fails and these arrays are not used.
                if (!ReferenceEquals(objective.PeriodId, lastPeriodId))
                {
                    lastPeriodId = objective.PeriodId;
                    lastPeriod = _periods.GetValueOrDefault(lastPeriodId, -1);
                }

                var paceClass = PaceClassOf[objectiveNode] = PaceClassIndex(lastPeriod, objective.Commitment);
                Sources[objectiveNode] = objective.ProgressFrom switch
                {
                    ProgressSource.KeyResults => InputSources.OwnKeyResults,
                    ProgressSource.Children => InputSources.Aligned,
                    _ => InputSources.OwnKeyResults | InputSources.Aligned,
                };

                foreach (var keyResult in objective.KeyResults.AsSpan())
                {
                    var definition = keyResult.Definition;
                    var kind = definition.Kind;
                    Ids[node] = keyResult.Id;
                    _idHash[node] = IdIndex.HashOf(keyResult.Id);
                    ObjectiveOf[node] = objectiveNode;
                    KeyResults[node] = keyResult;
                    _kind[node] = TopologySpec.CodeOf(kind);
                    _aggregate[node] = TopologySpec.CodeOf(definition.Aggregate);
                    _linkStart[node + 1] = AddLinks(links, keyResult.AlignsTo.AsSpan());
                    PaceClassOf[node] = paceClass;
                    KeyResultWeight[node] = keyResult.Weight;
                    Sources[node] = kind == KeyResultKind.Rollup ? InputSources.Aligned : InputSources.None;
                    Kinds[node] = CompiledKeyResults.KindOf(definition);
                    CheckInStart[node + 1] = keyResult.CheckIns.Count; // a count until all chunks are filled
                    ItemStart[node + 1] = definition.Items.Count;
                    node++;
                }
            }

            return links;
        }

        /// <summary>
        /// Asks for the records a few objectives ahead, one level of objects per step (see <see cref="CacheHints"/>):
        /// the objective 8 ahead; the key result list of the one 4 ahead; its key results 2 ahead; their ids,
        /// definitions and check-in lists 1 ahead. Each level's reference was asked for a few objectives earlier, so
        /// reading it seldom waits. (One objective's objects at a time, this loop waited for each miss in turn:
        /// gathering a million objectives took 1.1 s on one core, 0.67 s with these hints.)
        /// </summary>
        private void PrefetchAhead(int o, int end)
        {
            if (o + 8 >= end)
            {
                return;
            }

            CacheHints.Object(_objectives[o + 8]);
            CacheHints.First(_objectives[o + 4].KeyResults.AsSpan());
            foreach (var keyResult in _objectives[o + 2].KeyResults.AsSpan())
            {
                CacheHints.Object(keyResult);
            }

            var next = _objectives[o + 1];
            CacheHints.Object(next.Id);
            foreach (var keyResult in next.KeyResults.AsSpan())
            {
                CacheHints.Object(keyResult.Id);
                CacheHints.Object(keyResult.Definition);
                CacheHints.First(keyResult.CheckIns.AsSpan());
            }
        }

        /// <summary>Adds the links with their targets' hashes (the target ids are read here, on this chunk's core); returns how many.</summary>
        private static int AddLinks(List<(LinkSpec, int)> links, ReadOnlySpan<AlignmentLink> alignsTo)
        {
            foreach (var link in alignsTo)
            {
                links.Add((new LinkSpec(link.TargetKind, link.TargetId, link.Weight), IdIndex.HashOf(link.TargetId)));
            }

            return alignsTo.Length;
        }
    }

    /// <summary>The counted inputs of every node and their reverse, worked out once the links are resolved.</summary>
    private sealed record Inputs(int[] Start, int[] Node, double[] Weight, int[] DependentStart, int[] DependentNode)
    {
        public static Inputs Of(SetNodes nodes, int[] linkTarget)
        {
            var (start, node, weight) = BuildInputs(nodes.ObjectiveOf, nodes.Spec.LinkStart, linkTarget, nodes.Sources, nodes.KeyResultWeight, nodes.Spec.LinkWeight);
            var (dependentStart, dependentNode) = Reverse(start, node, nodes.ObjectiveOf.Length);
            return new Inputs(start, node, weight, dependentStart, dependentNode);
        }
    }

    /// <summary>
    /// The counted inputs of each node, in the order the spec sums them: an objective's own key results
    /// (weight &gt; 0) then its aligned objectives (link weight &gt; 0), each in document order; a rollup key result's
    /// contributors (link weight &gt; 0) in document order.
    /// </summary>
    private static (int[] Start, int[] Node, double[] Weight) BuildInputs(
        int[] objectiveOf, int[] linkStart, int[] linkTarget, InputSources[] sources, double[] keyResultWeight, double[] linkWeight)
    {
        var count = objectiveOf.Length;

        // The counted links grouped by target, children in document order within a target (a counting sort).
        var alignedStart = CountingStarts(count);
        for (var link = 0; link < linkStart[count]; link++)
        {
            if (linkWeight[link] > 0)
            {
                alignedStart[linkTarget[link] + 2]++;
            }
        }

        CountsToStarts(alignedStart);
        var alignedChild = new int[alignedStart[count + 1]];
        var alignedWeight = new double[alignedChild.Length];
        for (var child = 0; child < count; child++)
        {
            for (var link = linkStart[child]; link < linkStart[child + 1]; link++)
            {
                if (linkWeight[link] > 0)
                {
                    var at = alignedStart[linkTarget[link] + 1]++;
                    alignedChild[at] = child;
                    alignedWeight[at] = linkWeight[link];
                }
            }
        }

        // Count each node's inputs, then fill them in.
        var start = new int[count + 1];
        for (var node = 0; node < count; node++)
        {
            var inputs = 0;
            if ((sources[node] & InputSources.OwnKeyResults) != 0)
            {
                for (var kr = node + 1; kr < count && objectiveOf[kr] == node; kr++)
                {
                    inputs += keyResultWeight[kr] > 0 ? 1 : 0;
                }
            }

            if ((sources[node] & InputSources.Aligned) != 0)
            {
                inputs += alignedStart[node + 1] - alignedStart[node];
            }

            start[node + 1] = start[node] + inputs;
        }

        var nodes = new int[start[count]];
        var weights = new double[start[count]];
        for (var node = 0; node < count; node++)
        {
            var at = start[node];
            if ((sources[node] & InputSources.OwnKeyResults) != 0)
            {
                for (var kr = node + 1; kr < count && objectiveOf[kr] == node; kr++)
                {
                    if (keyResultWeight[kr] > 0)
                    {
                        nodes[at] = kr;
                        weights[at++] = keyResultWeight[kr];
                    }
                }
            }

            if ((sources[node] & InputSources.Aligned) != 0)
            {
                var aligned = alignedStart[node + 1] - alignedStart[node];
                Array.Copy(alignedChild, alignedStart[node], nodes, at, aligned);
                Array.Copy(alignedWeight, alignedStart[node], weights, at, aligned);
            }
        }

        return (start, nodes, weights);
    }

    private static (int[] Start, int[] Node) Reverse(int[] start, int[] inputs, int count)
    {
        var reverseStart = CountingStarts(count);
        foreach (var input in inputs)
        {
            reverseStart[input + 2]++;
        }

        CountsToStarts(reverseStart);
        var reverse = new int[inputs.Length];
        for (var node = 0; node < count; node++)
        {
            for (var i = start[node]; i < start[node + 1]; i++)
            {
                reverse[reverseStart[inputs[i] + 1]++] = node;
            }
        }

        return (reverseStart, reverse);
    }

    /// <summary>
    /// The start array of a counting sort over <paramref name="count"/> keys that needs no second array to fill from:
    /// key k's count goes in [k + 2]; <see cref="CountsToStarts"/> makes [k + 1] where k's entries start; filling
    /// takes positions from [k + 1]++, which leaves [k + 1] where they end, the next key's start, so that
    /// <c>[k]..[k + 1]</c> is then key k's range. (The last element stays unused.)
    /// </summary>
    private static int[] CountingStarts(int count) => new int[count + 2];

    private static void CountsToStarts(int[] starts)
    {
        for (var i = 1; i < starts.Length; i++)
        {
            starts[i] += starts[i - 1];
        }
    }
}
