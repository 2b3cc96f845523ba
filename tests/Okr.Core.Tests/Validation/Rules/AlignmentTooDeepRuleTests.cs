namespace Okr.Core.Tests.Validation.Rules;

/// <summary>
/// OKR106: a chain of objective-to-objective or objective-to-KR alignments is longer than limits.maxDepth (10)
/// links; the finding is on the deepest objective.
/// </summary>
public sealed class AlignmentTooDeepRuleTests : RuleTestBase
{
    protected override string Code => "OKR106";

    protected override string FiringSubject => "o11";

    internal override OkrDocBuilder Firing() => Chain(links: 11, viaKeyResults: false);

    [Fact]
    public void Analyze_ChainOfExactlyTenLinks_IsSilent() => AssertSilent(Chain(links: 10, viaKeyResults: false));

    [Fact]
    public void Analyze_ElevenLinksThroughKeyResults_FiresOnDeepestObjective() =>
        AssertFires(Chain(links: 11, viaKeyResults: true), "o11");

    [Fact]
    public void Analyze_TenLinksThroughKeyResults_IsSilent() => AssertSilent(Chain(links: 10, viaKeyResults: true));

    [Fact]
    public void Analyze_MixedLinksOverLimit_FiresOnDeepestObjective()
    {
        var document = OkrDocBuilder.Create().Limit("maxDepth", 2)
            .Objective("o0", "Root goal", o => o.KeyResults(3))
            .Objective("o1", "Middle goal", o => o.AlignsToKeyResult("o0-kr1").KeyResults(3))
            .Objective("o2", "Lower goal", o => o.AlignsTo("o1").KeyResults(3))
            .Objective("o3", "Leaf goal", o => o.AlignsToKeyResult("o2-kr2").KeyResults(3));

        AssertFires(document, "o3");
    }

    [Fact]
    public void Analyze_TwoDeepLeaves_ReportsEachLeafOnce()
    {
        var document = OkrDocBuilder.Create().Limit("maxDepth", 1)
            .Objective("root", "Root goal", o => o.KeyResults(3))
            .Objective("mid", "Middle goal", o => o.AlignsTo("root").KeyResults(3))
            .Objective("leaf-a", "Leaf goal a", o => o.AlignsTo("mid").KeyResults(3))
            .Objective("leaf-b", "Leaf goal b", o => o.AlignsToKeyResult("mid-kr1").KeyResults(3));

        var findings = Findings(document);

        Assert.Equal(["leaf-a", "leaf-b"], findings.Select(f => f.Subject).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Analyze_LongestPathCountsInDag_FiresOnlyWhenSomePathIsTooLong()
    {
        // leaf -> root directly (1 link) and leaf -> mid -> root (2 links): depth is the longest path.
        var document = OkrDocBuilder.Create().Limit("maxDepth", 1)
            .Objective("root", "Root goal", o => o.KeyResults(3))
            .Objective("mid", "Middle goal", o => o.AlignsTo("root").KeyResults(3))
            .Objective("leaf", "Leaf goal", o => o.AlignsTo("root").AlignsTo("mid").KeyResults(3));

        AssertFires(document, "leaf");
    }

    /// <summary>o0 &lt;- o1 &lt;- ... &lt;- o{links}: each objective aligns to the previous one or to its first KR.</summary>
    private static OkrDocBuilder Chain(int links, bool viaKeyResults)
    {
        var document = OkrDocBuilder.Create().Objective("o0", "Goal at the top", o => o.KeyResults(3));
        for (var i = 1; i <= links; i++)
        {
            var parent = $"o{i - 1}";
            document.Objective($"o{i}", $"Goal at level {(char)('a' + i)}", o =>
            {
                _ = viaKeyResults ? o.AlignsToKeyResult($"{parent}-kr1") : o.AlignsTo(parent);
                o.KeyResults(3);
            });
        }

        return document;
    }
}
