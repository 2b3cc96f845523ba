using Okr.Core.Documents;
using Okr.Core.Benchmarks.Rollup;

namespace Okr.Core.Benchmarks.Tests;

/// <summary>Every implementation the rollup benchmarks compare computes the same scores, grades and statuses.</summary>
public class RollupBenchmarksTests
{
    private static readonly DateOnly[] Days = [new(2026, 9, 30), new(2026, 10, 1), new(2026, 10, 20), SyntheticOrganisation.AsOf, new(2026, 12, 31), new(2027, 1, 1)];

    public static TheoryData<int, int> Organisations() => new() { { 1, 1 }, { 60, 2 }, { 700, 3 }, { 2_000, 20261124 } };

    [Theory]
    [MemberData(nameof(Organisations))]
    public void Naive_QuikGraph_Okr_SameResults(int objectives, int seed)
    {
        var set = SyntheticOrganisation.Create(objectives, seed);
        var graph = set.TryCompile().Match(g => g, e => throw new InvalidOperationException(e.ToString()));
        var quikGraph = new QuikGraphEvaluator(set);
        foreach (var day in Days)
        {
            var evaluation = graph.Evaluate(day);
            var naive = NaiveEvaluator.Evaluate(set, day);
            var viaQuikGraph = quikGraph.Evaluate(day);
            Assert.Equal(graph.NodeCount, naive.Count);
            Assert.Equal(graph.NodeCount, viaQuikGraph.Count);
            foreach (var objective in evaluation.Objectives)
            {
                AssertSame(objective.Id, new ReferenceResult(objective.Score, objective.Grade, objective.Status, objective.IsPending, null), naive, viaQuikGraph);
                foreach (var keyResult in objective.KeyResults)
                {
                    AssertSame(keyResult.Id, new ReferenceResult(keyResult.Score, keyResult.Grade, keyResult.Status, keyResult.IsPending, keyResult.Current), naive, viaQuikGraph);
                }
            }
        }
    }

    [Fact]
    public void OkrIncremental_AfterEachChange_EqualsFullEvaluation()
    {
        var benchmarks = new RollupBenchmarks { Objectives = 500 };
        benchmarks.Setup();
        var (original, changed) = benchmarks.ChangedKeyResult;
        var owner = benchmarks.Set.Objectives.Single(o => o.KeyResults.Contains(original));
        for (var i = 0; i < 4; i++)
        {
            Assert.True(benchmarks.OkrIncremental() >= 1);
            var current = i % 2 == 0 ? changed : original;
            var expected = benchmarks.Set.WithObjective(owner.WithKeyResult(current)).Evaluate(SyntheticOrganisation.AsOf);
            var actual = benchmarks.Incremental.Snapshot();
            Assert.Equal(expected.Objectives, actual.Objectives);
        }
    }

    [Fact]
    public void Benchmarks_RunOnASmallOrganisation()
    {
        var benchmarks = new RollupBenchmarks { Objectives = 300 };
        benchmarks.Setup();
        Assert.Equal(300 * 5, benchmarks.Naive());
        Assert.Equal(300 * 5, benchmarks.QuikGraph());
        Assert.InRange(benchmarks.Okr(), 0, 1);
        Assert.NotEqual(0, benchmarks.MemoryFloor());
    }

    [Fact]
    public void SyntheticOrganisation_IsDeterministicAndMixed()
    {
        var a = SyntheticOrganisation.Create(1_000);
        var b = SyntheticOrganisation.Create(1_000);
        Assert.Equal(OkrDocument.Write(a), OkrDocument.Write(b));
        var keyResults = a.Objectives.SelectMany(o => o.KeyResults).ToList();
        Assert.All(Enum.GetValues<KeyResultKind>(), kind => Assert.Contains(keyResults, k => k.Kind == kind));
        Assert.Contains(keyResults, k => k.Definition.Aggregate == RollupAggregate.Sum);
        Assert.Contains(keyResults, k => k.Definition.Aggregate == RollupAggregate.Mean);
        Assert.InRange(a.Objectives.Count(o => o.AlignsTo.Count(l => l.TargetKind == AlignmentTargetKind.Objective) == 2), 50, 150);
        Assert.All(keyResults.Where(k => k.Definition.IsMeasured), k => Assert.InRange(k.CheckIns.Count, 1, 13));
    }

    private static void AssertSame(string id, ReferenceResult expected, Dictionary<string, ReferenceResult> naive, Dictionary<string, ReferenceResult> quikGraph)
    {
        Assert.True(expected == naive[id], $"{id}: Okr {expected}, naive {naive[id]}");
        Assert.True(expected == quikGraph[id], $"{id}: Okr {expected}, QuikGraph {quikGraph[id]}");
    }
}
