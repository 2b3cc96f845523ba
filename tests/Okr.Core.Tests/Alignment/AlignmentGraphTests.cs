namespace Okr.Core.Tests.Alignment;

/// <summary>Graph queries for a host UI. Shape: root &lt;- mid (via rk, a rollup KR of root) &lt;- leaf; side aligns to root and mid.</summary>
public class AlignmentGraphTests
{
    private static readonly AlignmentGraph Graph = AlignmentGraph.Build(Set(
        Obj("root", [Kr("rk", KeyResultDefinition.RollupMean())]),
        Obj("mid", [Pct("mk", 10)], alignsTo: AlignmentLink.ToKeyResult("rk")),
        Obj("leaf", [Pct("lk", 10)], alignsTo: AlignmentLink.ToObjective("mid")),
        Obj("side", alignsTo: [AlignmentLink.ToObjective("root"), AlignmentLink.ToObjective("mid")]),
        Obj("alone")));

    [Fact]
    public void NodeCount_ObjectivesPlusKeyResults()
    {
        Assert.Equal(8, Graph.NodeCount);
        Assert.True(Graph.Contains("lk"));
        Assert.False(Graph.Contains("ghost"));
    }

    [Fact]
    public void Parents_InLinkOrder()
    {
        Assert.Equal(["root", "mid"], Graph.Parents("side"));
        Assert.Equal(["rk"], Graph.Parents("mid"));
        Assert.Empty(Graph.Parents("root"));
    }

    [Fact]
    public void Children_InDocumentOrder()
    {
        Assert.Equal(["leaf", "side"], Graph.Children("mid"));
        Assert.Equal(["mid"], Graph.Children("rk"));
        Assert.Equal(["side"], Graph.Children("root"));
    }

    [Fact]
    public void Ancestors_IncludeKeyResultsObjective()
    {
        Assert.Equal(["mid", "rk", "root"], Graph.Ancestors("leaf"));
        Assert.Equal(["leaf", "mid", "rk", "root"], Graph.Ancestors("lk"));
        Assert.Empty(Graph.Ancestors("root"));
    }

    [Fact]
    public void Descendants_EverythingBelow()
    {
        Assert.Equal(["rk", "side", "mid", "mk", "leaf", "lk"], Graph.Descendants("root"));
        Assert.Empty(Graph.Descendants("lk"));
    }

    [Fact]
    public void Roots_ObjectivesAligningToNothing()
    {
        Assert.Equal(["root", "alone"], Graph.Roots());
    }

    [Fact]
    public void UnalignedObjectives_NothingEitherWay()
    {
        Assert.Equal(["alone"], Graph.UnalignedObjectives());
    }

    [Theory]
    [InlineData("root", 0)]
    [InlineData("rk", 0)]
    [InlineData("mid", 1)]
    [InlineData("leaf", 2)]
    [InlineData("lk", 2)]
    [InlineData("side", 2)]
    [InlineData("alone", 0)]
    public void Depth_LongestChainOfLinks(string id, int depth)
    {
        Assert.Equal(depth, Graph.Depth(id));
    }

    [Fact]
    public void PathsToRoots_EveryPath()
    {
        var paths = Graph.PathsToRoots("side").Select(p => string.Join(">", p)).ToArray();
        Assert.Equal(["side>root", "side>mid>rk>root"], paths);
        Assert.Equal(["lk>leaf>mid>rk>root"], Graph.PathsToRoots("lk").Select(p => string.Join(">", p)));
    }

    [Fact]
    public void PathsToRoots_MaxPaths_Limits()
    {
        Assert.Single(Graph.PathsToRoots("side", 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Graph.PathsToRoots("side", 0));
    }

    [Fact]
    public void Queries_UnknownId_Throw()
    {
        Assert.Throws<KeyNotFoundException>(() => Graph.Parents("ghost"));
    }

    [Fact]
    public void Evaluate_SameGraphDifferentDays_Independent()
    {
        Assert.Equal(OkrStatus.NotStarted, Graph.Evaluate(BeforeStart).StatusOf("mid"));
        Assert.Equal(0.1, Graph.Evaluate(Mid).ScoreOf("rk"));
    }

    [Fact]
    public void ChainOfAMillionObjectives_EvaluatesWithoutStackOverflow()
    {
        const int count = 1_000_000;
        var objectives = new Objective[count];
        for (var i = 0; i < count; i++)
        {
            var progress = i % 2 == 0 || i == count - 1 ? ProgressSource.Both : ProgressSource.Children;
            var keyResults = i == count - 1 ? new[] { Pct("leaf-kr", 40) } : null;
            var links = i == 0 ? [] : new[] { AlignmentLink.ToObjective("o" + (i - 1)) };
            objectives[i] = new Objective("o" + i, "O", "acme", "2026-Q4", keyResults, Commitment.Aspirational, progress, links);
        }

        var evaluation = Set(objectives).Evaluate(Mid);
        Assert.Equal(0.4, evaluation.ScoreOf("o0"));
        Assert.Equal(OkrStatus.OnTrack, evaluation.StatusOf("o0"));
        Assert.Equal(count - 1, evaluation.Graph.Depth("o" + (count - 1)));

        // The whole chain as one path: built step by step, not copied at every step (which never finished here).
        var path = Assert.Single(evaluation.Graph.PathsToRoots("leaf-kr", maxPaths: 1));
        Assert.Equal((count + 1, "leaf-kr", "o0"), (path.Count, path[0], path[count]));
    }

    [Fact]
    public void CycleAtEndOfAMillionChain_ReportedWithoutStackOverflow()
    {
        const int count = 1_000_000;
        var objectives = new Objective[count];
        for (var i = 0; i < count; i++)
        {
            objectives[i] = Obj("o" + i, alignsTo: AlignmentLink.ToObjective("o" + ((i + 1) % count)));
        }

        var finding = Single(Set(objectives).TryCompile(), OkrCodes.AlignmentCycle);
        Assert.Equal("o0", finding.Subject);
    }
}
