namespace Okr.Core.Tests.Alignment;

/// <summary>
/// Building a large set finds exactly what building a small one finds: the id index made while the set is read is
/// given up for the validator's own when an id repeats, unresolved links are reported in a second pass, and cycles
/// are looked for only when the topological sort stops short.
/// </summary>
public class LargeGraphBuildTests
{
    // 60,000 objectives with two key results each: 180,000 nodes and 120,000 links.
    private const int Padding = 60_000;

    private static AlignmentLink ToO(string id) => AlignmentLink.ToObjective(id);

    private static AlignmentLink ToK(string id) => AlignmentLink.ToKeyResult(id);

    /// <summary>The given objectives, then a valid chain of <paramref name="padding"/> objectives p0 &lt;- p1 &lt;- ... (and their first key results p0k0 &lt;- p1k0 &lt;- ...).</summary>
    private static OkrSet Padded(int padding, params Objective[] objectives)
    {
        var all = new List<Objective>(objectives);
        for (var i = 0; i < padding; i++)
        {
            var first = Pct($"p{i}k0", 10, 1, null, i == 0 ? [] : [ToK($"p{i - 1}k0")]);
            all.Add(Obj("p" + i, [first, Pct($"p{i}k1", 20)], alignsTo: i == 0 ? [] : [ToO("p" + (i - 1))]));
        }

        return Set([.. all]);
    }

    [Fact]
    public void LargeValidSet_NodesInDocumentOrder_QueriesResolve()
    {
        var graph = AlignmentGraph.Build(Padded(Padding, Obj("top", [Pct("topk", 50)])));
        Assert.Equal(2 + (3 * Padding), graph.NodeCount);
        Assert.Equal(0, graph.NodeOf("top"));
        Assert.Equal(5, graph.NodeOf("p1"));
        Assert.True(graph.Contains("p59999k1"));
        Assert.Equal(["p499"], graph.Parents("p500"));
        Assert.Equal(["p501"], graph.Children("p500"));
        Assert.Equal(["p499k0"], graph.Parents("p500k0"));
        Assert.Equal(Padding - 1, graph.Depth("p" + (Padding - 1)));
    }

    [Fact]
    public void LargeValidSet_EveryNodeFindsItsObjectiveRecord_AcrossChunks()
    {
        // The gathering reads objectives in chunks of 8,192 on two cores: each objective node must name its index in
        // the whole set, not in its chunk.
        var set = Padded(Padding, Obj("top", [Pct("topk", 50)]));
        var graph = AlignmentGraph.Build(set);
        for (var o = 0; o < set.Objectives.Count; o += 997)
        {
            var objective = set.Objectives[o];
            var node = graph.NodeOf(objective.Id);
            Assert.Same(objective, graph.ObjectiveRecord(node));
            Assert.Same(objective, graph.ObjectiveRecord(graph.NodeOf(objective.KeyResults[0].Id)));
        }

        Assert.Equal("p59999", graph.ObjectiveRecord(graph.NodeOf("p59999k1")).Id);
    }

    [Fact]
    public void LargeSet_DuplicateKeyResultId_Okr003Once()
    {
        var set = Padded(Padding, Obj("a", [Pct("p123k1", 10)]));
        var finding = Single(set.TryCompile(), OkrCodes.DuplicateId);
        Assert.Equal("p123k1", finding.Subject);
        Assert.Single(Errors(set.TryCompile()).Items);
    }

    [Fact]
    public void LargeSet_LinkToUnknownId_Okr004()
    {
        var finding = Single(Padded(Padding, Obj("a", alignsTo: ToO("p60000"))).TryCompile(), OkrCodes.UnknownReference);
        Assert.Equal("a", finding.Subject);
        Assert.Contains("'p60000', which does not exist", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LargeSet_SmallCycle_Okr008SpelledOut()
    {
        var set = Padded(Padding, Obj("a", alignsTo: [ToO("p10"), ToO("c")]), Obj("b", alignsTo: ToO("a")), Obj("c", alignsTo: ToO("b")));
        var finding = Single(set.TryCompile(), OkrCodes.AlignmentCycle);
        Assert.Equal("a", finding.Subject);
        Assert.Contains("Alignment cycle: a -> c -> b -> a.", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SameProblems_SmallAndLargeSet_SameFindingsInTheSameOrder()
    {
        Objective[] problems =
        [
            Obj("a", [Pct("k", 10), Kr("m", KeyResultDefinition.Milestone()).WithAlignsTo([ToK("sum")])], alignsTo: ToO("ghost")),
            Obj("a"),
            Obj("s", [Kr("sum", KeyResultDefinition.RollupSum(0, 10)), Pct("k", 10)]),
            Obj("x", alignsTo: ToO("y")),
            Obj("y", alignsTo: [ToO("x"), ToK("a")]),
        ];

        var small = Errors(Padded(0, problems).TryCompile()).Items;
        var large = Errors(Padded(Padding, problems).TryCompile()).Items;
        Assert.Equal(["OKR003", "OKR003", "OKR004", "OKR004", "OKR006", "OKR008"], small.Select(f => f.Code).Order());
        Assert.Equal(small.Select(f => (f.Code, f.Subject, f.Message)), large.Select(f => (f.Code, f.Subject, f.Message)));
    }
}
