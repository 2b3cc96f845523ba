namespace Okr.Core.Tests.Rollup;

/// <summary>A large evaluation split between two cores gives, bit for bit, what one core gives.</summary>
public class SecondCoreTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(RollupCalculator.SplitChunk)]
    public void EvaluateAll_SharedInChunks_SameResultsAsOneCore(int chunkSize)
    {
        var set = Organisation(objectives: 400);
        var graph = AlignmentGraph.Build(set);
        foreach (var day in new[] { new DateOnly(2026, 9, 30), new DateOnly(2026, 11, 2), new DateOnly(2026, 12, 31), new DateOnly(2027, 1, 1) })
        {
            var alone = new EvaluationState(graph);
            RollupCalculator.EvaluateAll(graph, alone, day, secondCore: null, minimumSplitLevel: 0);
            var split = new EvaluationState(graph);
            RollupCalculator.EvaluateAll(graph, split, day, split.SecondCore, minimumSplitLevel: 0, chunkSize);

            Assert.Equal(alone.Results, split.Results);
            Assert.Equal(alone.SumCurrent, split.SumCurrent);
            Assert.Equal(
                new OkrEvaluation(graph, alone, day).Objectives,
                new OkrEvaluation(graph, split, day).Objectives);
        }
    }

    [Fact]
    public void Execute_ByAStaleWorkItem_ClaimsNothingAndTheNextRangeStillCompletes()
    {
        // A work item queued for a range its caller ran itself stays in the pool's queue and runs later, in some
        // later round or between rounds. Simulated here on this thread: between rounds it must find nothing to claim
        // (else it would evaluate a finished range again, or set the event of a round not yet started), and a round
        // run by such an item must still end the caller's Join.
        var day = new DateOnly(2026, 11, 2);
        var (graph, expected, state) = EvaluatedAndCleared(day);
        var secondCore = state.SecondCore;
        var measured = graph.Plan.MeasuredNodes.Length;
        var range = new PassRange(0, measured, 0, graph.Plan.ChecklistNodes.Length, 0, 0, day);

        secondCore.Execute(); // before any round: nothing to claim
        Assert.All(state.Results, result => Assert.Equal(default, result));

        secondCore.Start(graph, state, range, chunkSize: 16);
        secondCore.Execute(); // a stale item takes this round
        secondCore.Join(); // returns: the round is done
        secondCore.Execute(); // between rounds: nothing to claim, nothing evaluated again
        state.Results[graph.Plan.MeasuredNodes[0]] = default;
        secondCore.Execute();
        Assert.Equal(default, state.Results[graph.Plan.MeasuredNodes[0]]);

        secondCore.Start(graph, state, range, chunkSize: 16);
        secondCore.Join();
        for (var i = 0; i < measured; i++)
        {
            var node = graph.Plan.MeasuredNodes[i];
            Assert.Equal(expected.Results[node], state.Results[node]);
        }
    }

    [Fact]
    public void Join_NoPoolThreadJoined_TheCallerTakesEveryChunk()
    {
        // Join must leave the whole range evaluated whether or not the queued work item comes in time: if it comes
        // only after Join, its Execute finds the range closed and nothing left.
        var day = new DateOnly(2026, 11, 2);
        var (graph, expected, state) = EvaluatedAndCleared(day);
        var measured = graph.Plan.MeasuredNodes;

        state.SecondCore.Start(graph, state, new PassRange(0, measured.Length, 0, 0, 0, 0, day), chunkSize: 3);
        state.SecondCore.Join();
        state.SecondCore.Execute(); // the queued item, if it comes only now: nothing left to take

        Assert.All(measured, node => Assert.Equal(expected.Results[node], state.Results[node]));
    }

    [Theory]
    [InlineData(10, 0, 5, 1)]
    [InlineData(10, 3, 0, 4)]
    [InlineData(0, 0, 17, 8)]
    [InlineData(9, 9, 9, 9)]
    [InlineData(0, 0, 0, 4)]
    public void Chunk_EveryNodeOfTheRangeInExactlyOneChunk(int measured, int checklists, int composites, int size)
    {
        var day = new DateOnly(2026, 11, 2);
        var range = new PassRange(2, 2 + measured, 5, 5 + checklists, 100, 100 + composites, day);
        var (measuredSeen, checklistSeen, compositeSeen) = (new List<int>(), new List<int>(), new List<int>());
        for (var i = 0; i < range.ChunkCount(size); i++)
        {
            var chunk = range.Chunk(i, size);
            var length = (chunk.MeasuredTo - chunk.MeasuredFrom) + (chunk.ChecklistTo - chunk.ChecklistFrom) + (chunk.CompositeTo - chunk.CompositeFrom);
            Assert.InRange(length, 1, size);
            Assert.Equal(day, chunk.AsOf);
            measuredSeen.AddRange(Enumerable.Range(chunk.MeasuredFrom, chunk.MeasuredTo - chunk.MeasuredFrom));
            checklistSeen.AddRange(Enumerable.Range(chunk.ChecklistFrom, chunk.ChecklistTo - chunk.ChecklistFrom));
            compositeSeen.AddRange(Enumerable.Range(chunk.CompositeFrom, chunk.CompositeTo - chunk.CompositeFrom));
        }

        Assert.Equal(Enumerable.Range(2, measured), measuredSeen);
        Assert.Equal(Enumerable.Range(5, checklists), checklistSeen);
        Assert.Equal(Enumerable.Range(100, composites), compositeSeen);
    }

    [Fact]
    public void Evaluate_LargeGraph_UsesTheSecondCore_SameAsOneCore()
    {
        var set = Organisation(objectives: 14_000);
        var graph = AlignmentGraph.Build(set);
        Assert.Equal(Environment.ProcessorCount > 1, SecondCore.IsWorthIt(graph.Plan));
        var day = new DateOnly(2026, 11, 20);

        var full = graph.Evaluate(day);
        var single = new EvaluationState(graph);
        RollupCalculator.EvaluateAll(graph, single, day, secondCore: null, minimumSplitLevel: 0);

        Assert.Equal(single.Results, full.State.Results);
        Assert.Equal(new OkrEvaluation(graph, single, day).Objectives, full.Objectives);
    }

    [Fact]
    public void Reevaluate_LargeGraph_WithChangedSumContributors_MatchesAFullEvaluationOfTheUpdatedSet()
    {
        // Large enough for the second core. o11's and o12's k0 (increases) feed the sum rollup o2k3, as their parent is
        // o2; o13's k0 and k1 (an atLeast) feed only o13; o4000k3 is a milestone. o11k0 changes twice.
        var set = Organisation(objectives: 14_000);
        var incremental = new IncrementalEvaluator(AlignmentGraph.Build(set), new DateOnly(2026, 11, 15));
        var changes = new (string Objective, string KeyResult, CheckIn CheckIn)[]
        {
            ("o11", "o11k0", new CheckIn(new DateOnly(2026, 11, 10), 19.5m, confidence: 2)),
            ("o12", "o12k0", new CheckIn(new DateOnly(2026, 12, 20), 11)),
            ("o13", "o13k1", new CheckIn(new DateOnly(2026, 11, 12), 15)),
            ("o13", "o13k0", new CheckIn(new DateOnly(2026, 10, 2), 30)),
            ("o4000", "o4000k3", new CheckIn(new DateOnly(2026, 11, 1), 1, confidence: 9)),
            ("o11", "o11k0", new CheckIn(new DateOnly(2026, 11, 14), 12)),
        };
        foreach (var (objectiveId, keyResultId, checkIn) in changes)
        {
            Assert.True(incremental.TryRecordCheckIn(keyResultId, checkIn).IsT0);
            var objective = set.Objectives.Single(o => o.Id == objectiveId);
            set = set.WithObjective(objective.WithKeyResult(objective.KeyResults.Single(k => k.Id == keyResultId).WithCheckIn(checkIn)));
        }

        foreach (var day in new[] { new DateOnly(2026, 11, 15), new DateOnly(2026, 12, 31), new DateOnly(2026, 10, 20), new DateOnly(2026, 11, 13) })
        {
            incremental.Reevaluate(day);
            var full = set.Evaluate(day);
            Assert.Equal(full.Objectives, incremental.Snapshot().Objectives);
            Assert.Equal(full.KeyResult("o2k3"), incremental.Snapshot().KeyResult("o2k3"));
        }
    }

    [Fact]
    public void IsWorthIt_OneCoreSwitchSet_False()
    {
        var graph = AlignmentGraph.Build(Organisation(objectives: 14_000));
        AppContext.SetSwitch(SecondCore.OneCoreSwitch, true);
        try
        {
            Assert.False(SecondCore.IsWorthIt(graph.Plan));
        }
        finally
        {
            AppContext.SetSwitch(SecondCore.OneCoreSwitch, false);
        }

        Assert.Equal(Environment.ProcessorCount > 1, SecondCore.IsWorthIt(graph.Plan));
    }

    /// <summary>
    /// With the one-core switch, the loops of a build (run with <see cref="SecondCore.LoopOptions"/>) stay on the
    /// calling thread, and a build gives the same graph as without it.
    /// </summary>
    [Fact]
    public void OneCoreSwitchSet_BuildLoopsStayOnTheCallingThread_SameGraph()
    {
        var set = Organisation(objectives: 14_000);
        var usual = AlignmentGraph.Build(set);

        // Pool threads ready at once, so that a loop allowed more than one thread would take them.
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, 8), completionPorts);
        AppContext.SetSwitch(SecondCore.OneCoreSwitch, true);
        try
        {
            var threads = new System.Collections.Concurrent.ConcurrentDictionary<int, bool>();
            Parallel.For(0, 64, SecondCore.LoopOptions(), _ =>
            {
                threads[Environment.CurrentManagedThreadId] = true;
                Thread.Sleep(1);
            });
            Parallel.Invoke(SecondCore.LoopOptions(), () => threads[Environment.CurrentManagedThreadId] = true, () => threads[Environment.CurrentManagedThreadId] = true);
            Assert.Equal([Environment.CurrentManagedThreadId], threads.Keys);

            var oneCore = AlignmentGraph.Build(set);
            var day = new DateOnly(2026, 11, 20);
            Assert.Equal(usual.Order, oneCore.Order);
            Assert.Equal(usual.Evaluate(day).Objectives, oneCore.Evaluate(day).Objectives);
        }
        finally
        {
            AppContext.SetSwitch(SecondCore.OneCoreSwitch, false);
            ThreadPool.SetMinThreads(workers, completionPorts);
        }

        Assert.Equal(-1, SecondCore.LoopOptions().MaxDegreeOfParallelism);
    }

    /// <summary>
    /// A graph of 400 objectives, a one-core evaluation of it as of <paramref name="day"/>, and a state evaluated the
    /// same way (so the day's pace is prepared) whose results are then cleared, for a test to fill again.
    /// </summary>
    private static (AlignmentGraph Graph, EvaluationState Expected, EvaluationState Cleared) EvaluatedAndCleared(DateOnly day)
    {
        var graph = AlignmentGraph.Build(Organisation(objectives: 400));
        var expected = new EvaluationState(graph);
        RollupCalculator.EvaluateAll(graph, expected, day, secondCore: null, minimumSplitLevel: 0);
        var cleared = new EvaluationState(graph);
        RollupCalculator.EvaluateAll(graph, cleared, day, secondCore: null, minimumSplitLevel: 0);
        Array.Clear(cleared.Results);
        return (graph, expected, cleared);
    }

    /// <summary>A cascade (fan-out 4) whose objectives mix key result kinds, sum and mean rollups and progress sources.</summary>
    private static OkrSet Organisation(int objectives)
    {
        var q4 = Period.Quarter(2026, 4);
        var start = new DateOnly(2026, 10, 1);
        var list = new List<Objective>(objectives);
        for (var i = 0; i < objectives; i++)
        {
            var parent = (i - 1) / 4;
            var links = i == 0 ? new List<AlignmentLink>() : [AlignmentLink.ToObjective($"o{parent}", 1 + (i % 3))];
            if (i > 0 && parent % 5 == 1)
            {
                links.Add(AlignmentLink.ToKeyResult($"o{parent}k3"));
            }

            KeyResult[] keyResults =
            [
                KeyResult.Create($"o{i}k0", "Grow", KeyResultDefinition.Increase(10, 20 + (i % 7)), checkIns: CheckIns(i, start, 10, 3.5m),
                    alignsTo: i > 0 && parent % 5 == 2 ? [AlignmentLink.ToKeyResult($"o{parent}k3")] : []),
                KeyResult.Create($"o{i}k1", "Keep", KeyResultDefinition.AtLeast(14), checkIns: CheckIns(i + 1, start, 10, 1.25m)),
                KeyResult.Create($"o{i}k2", "Ready", KeyResultDefinition.Checklist(
                    new ChecklistItem("a", 1, start.AddDays(i % 60)), new ChecklistItem("b", 2, (i % 4) == 0 ? null : start.AddDays(i % 90)))),
                (i % 5) switch
                {
                    1 => KeyResult.Create($"o{i}k3", "Mean", KeyResultDefinition.RollupMean()),
                    2 => KeyResult.Create($"o{i}k3", "Sum", KeyResultDefinition.RollupSum(0, 80)),
                    _ => KeyResult.Create($"o{i}k3", "Ship", KeyResultDefinition.Milestone(), checkIns: (i % 3) == 0 ? [] : [new CheckIn(start.AddDays(i % 80), i % 2, confidence: i % 11)]),
                },
            ];
            var progress = (i % 3) switch { 0 => ProgressSource.Both, 1 => ProgressSource.KeyResults, _ => ProgressSource.Children };
            list.Add(new Objective($"o{i}", "Delight customers", "team", q4.Id, keyResults, i % 4 == 0 ? Commitment.Committed : Commitment.Aspirational, progress, links));
        }

        return new OkrSet([q4], [new Owner("team", "Team")], list);
    }

    private static CheckIn[] CheckIns(int seed, DateOnly start, decimal from, decimal step)
    {
        var checkIns = new CheckIn[seed % 11];
        for (var i = 0; i < checkIns.Length; i++)
        {
            checkIns[i] = new CheckIn(start.AddDays((seed * 7 + (i * 13)) % 92), from + (step * ((seed + i) % 6)), confidence: (seed + i) % 3 == 0 ? null : (seed + i) % 11);
        }

        return checkIns;
    }
}
