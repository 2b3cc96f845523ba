using FsCheck.Xunit;
using Okr.Core.Tests.Arbitraries;

namespace Okr.Core.Tests.Rollup;

[Properties(Arbitrary = [typeof(OkrArbitraries)], MaxTest = 100)]
public class RollupProperties
{
    private static OkrEvaluation Evaluate(DagCase dag, IEnumerable<Objective> objectives) => Set(OkrArbitraries.SettingsOf(dag), [.. objectives]).Evaluate(Mid);

    /// <summary>Unrolls the DAG: every parent gets its own copy of each child's subtree, listed in child order.</summary>
    private static List<(Objective Copy, int Original)> Unroll(DagCase dag)
    {
        var children = Enumerable.Range(0, dag.Count).Select(j => Enumerable.Range(0, dag.Count).Where(i => dag.Parents[i].Contains(j)).ToArray()).ToArray();
        var result = new List<(Objective, int)>();
        var stack = new Stack<(int Node, string Path, AlignmentLink? Link)>();
        for (var r = dag.Count - 1; r >= 0; r--)
        {
            if (dag.Parents[r].Length == 0)
            {
                stack.Push((r, "o" + r, null));
            }
        }

        while (stack.Count > 0)
        {
            var (node, path, link) = stack.Pop();
            result.Add((new Objective(path, "O", "acme", "2026-Q4", [OkrArbitraries.KeyOf(dag, node, path + "#k")], Commitment.Aspirational,
                dag.Both[node] ? ProgressSource.Both : ProgressSource.Children, link is null ? [] : [link]), node));
            foreach (var child in children[node].Reverse())
            {
                var weight = dag.LinkWeights[child][Array.IndexOf(dag.Parents[child], node)];
                stack.Push((child, path + "/o" + child, AlignmentLink.ToObjective(path, weight)));
            }
        }

        return result;
    }

    [Property]
    public void Dag_RollupEqualsUnrolledTree(DagCase dag)
    {
        var full = Evaluate(dag, OkrArbitraries.Objectives(dag));
        var tree = Unroll(dag);
        var unrolled = Evaluate(dag, tree.Select(t => t.Copy));
        foreach (var (copy, original) in tree)
        {
            Assert.Equal(full.ScoreOf("o" + original), unrolled.ScoreOf(copy.Id));
            Assert.Equal(full.StatusOf("o" + original), unrolled.StatusOf(copy.Id));
        }
    }

    [Property]
    public void ZeroWeightLink_ChangesNoScore(DagCase dag)
    {
        var before = Evaluate(dag, OkrArbitraries.Objectives(dag));
        var after = Evaluate(dag, OkrArbitraries.Objectives(dag, extraZeroLinkFrom: dag.Count - 1));
        for (var i = 0; i < dag.Count; i++)
        {
            Assert.Equal(before.ScoreOf("o" + i), after.ScoreOf("o" + i));
            Assert.Equal(before.StatusOf("o" + i), after.StatusOf("o" + i));
        }
    }

    [Property]
    public void IncrementalEvaluator_AfterCheckIns_EqualsFullEvaluation(CheckInPlan plan)
    {
        var (incremental, updated) = RecordCheckIns(plan);
        AssertSameAsFullEvaluation(plan, updated.Evaluate(Mid), incremental);
    }

    [Property]
    public void IncrementalEvaluator_Reevaluate_EqualsFullEvaluationOfThatDay(CheckInPlan plan, int shift)
    {
        // Any day from ten days before the quarter to ten days after it.
        var day = Q4.Start.AddDays((int)((uint)shift % 112) - 10);
        var (incremental, updated) = RecordCheckIns(plan);
        incremental.Reevaluate(day);
        Assert.Equal(day, incremental.AsOf);
        AssertSameAsFullEvaluation(plan, updated.Evaluate(day), incremental);
    }

    /// <summary>Records the plan's check-ins as of <see cref="Mid"/>; returns the evaluator and the set with them added.</summary>
    private static (IncrementalEvaluator Incremental, OkrSet Updated) RecordCheckIns(CheckInPlan plan)
    {
        var objectives = OkrArbitraries.Objectives(plan.Dag);
        var set = Set(OkrArbitraries.SettingsOf(plan.Dag), objectives);
        var incremental = new IncrementalEvaluator(AlignmentGraph.Build(set), Mid);
        foreach (var (o, day, value, confidence) in plan.CheckIns)
        {
            var checkIn = new CheckIn(Q4.Start.AddDays(day), value, confidence);
            Assert.True(incremental.TryRecordCheckIn("k" + o, checkIn).IsT0);
            objectives[o] = objectives[o].WithKeyResult(objectives[o].KeyResults[0].WithCheckIn(checkIn));
        }

        return (incremental, Set(OkrArbitraries.SettingsOf(plan.Dag), objectives));
    }

    private static void AssertSameAsFullEvaluation(CheckInPlan plan, OkrEvaluation full, IncrementalEvaluator incremental)
    {
        var snapshot = incremental.Snapshot();
        for (var i = 0; i < plan.Dag.Count; i++)
        {
            foreach (var id in new[] { "o" + i, "k" + i })
            {
                Assert.Equal(full.ScoreOf(id), incremental.ScoreOf(id));
                Assert.Equal(full.StatusOf(id), incremental.StatusOf(id));
                Assert.Equal(full.StatusOf(id), snapshot.StatusOf(id));
            }

            Assert.Equal(full.KeyResult("k" + i), snapshot.KeyResult("k" + i));
            Assert.Equal(full.Objective("o" + i).IsPending, snapshot.Objective("o" + i).IsPending);
        }
    }

    [Property]
    public bool Explain_SharesAddUpToScore(DagCase dag)
    {
        var evaluation = Evaluate(dag, OkrArbitraries.Objectives(dag));
        return Enumerable.Range(0, dag.Count).All(i =>
        {
            var x = evaluation.Explain("o" + i);
            return x.Score is not { } s ? x.Contributions.Count == 0 : Math.Abs(s - x.Contributions.Sum(c => c.Share)) <= 1e-12;
        });
    }

    [Property]
    public bool Scores_AllInUnitInterval(DagCase dag)
    {
        var evaluation = Evaluate(dag, OkrArbitraries.Objectives(dag));
        return evaluation.Objectives.All(o => o.Score is null or (>= 0 and <= 1) && o.KeyResults.All(k => k.Score is >= 0 and <= 1));
    }

    [Property]
    public void DocumentOrderOfUnrelatedRoots_DoesNotChangeScores(DagCase dag)
    {
        var extra = Obj("z", [Pct("zk", 33)]);
        var first = Evaluate(dag, [extra, .. OkrArbitraries.Objectives(dag)]);
        var last = Evaluate(dag, [.. OkrArbitraries.Objectives(dag), extra]);
        for (var i = 0; i < dag.Count; i++)
        {
            Assert.Equal(first.ScoreOf("o" + i), last.ScoreOf("o" + i));
        }
    }
}
