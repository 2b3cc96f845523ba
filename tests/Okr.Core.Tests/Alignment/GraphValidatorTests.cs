namespace Okr.Core.Tests.Alignment;

/// <summary>Spec sections 5 and 7: OKR003 duplicates, OKR004 references, OKR008 cycles, all reported at once.</summary>
public class GraphValidatorTests
{
    private static AlignmentLink ToO(string id) => AlignmentLink.ToObjective(id);

    private static AlignmentLink ToK(string id) => AlignmentLink.ToKeyResult(id);

    private static OkrErrors Problems(OkrSet set) => Errors(set.TryCompile());

    [Fact]
    public void UnknownObjectiveTarget_Okr004OnReferringItem()
    {
        var finding = Single(Set(Obj("a", alignsTo: ToO("ghost"))).TryCompile(), OkrCodes.UnknownReference);
        Assert.Equal("a", finding.Subject);
        Assert.Contains("ghost", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownKeyResultTargetFromKeyResult_Okr004OnTheKeyResult()
    {
        var finding = Single(Set(Obj("a", [Pct("ka", 1, 1, null, ToK("ghost"))])).TryCompile(), OkrCodes.UnknownReference);
        Assert.Equal("ka", finding.Subject);
    }

    [Fact]
    public void ObjectiveLinkNamingAKeyResult_Okr004WrongKind()
    {
        var finding = Single(Set(Obj("a", [Pct("ka", 1)]), Obj("b", alignsTo: ToO("ka"))).TryCompile(), OkrCodes.UnknownReference);
        Assert.Equal("b", finding.Subject);
        Assert.Contains("keyResult", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyResultLinkNamingAnObjective_Okr004WrongKind()
    {
        var finding = Single(Set(Obj("a"), Obj("b", alignsTo: ToK("a"))).TryCompile(), OkrCodes.UnknownReference);
        Assert.Equal("b", finding.Subject);
        Assert.Contains("write {\"objective\": \"a\"}", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyResultOfAKeyResultLinkNamingAnObjective_Okr004WithoutTheObjectiveLinkAdvice()
    {
        // A key result can only align to key results, so the objective-link fix would be another error.
        var finding = Single(Set(Obj("a"), Obj("b", [Pct("kb", 1, alignsTo: ToK("a"))])).TryCompile(), OkrCodes.UnknownReference);

        Assert.Equal("kb", finding.Subject);
        Assert.DoesNotContain("{\"objective\"", finding.Message, StringComparison.Ordinal);
        Assert.Contains("a key result aligns only to key results", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownPeriodAndOwner_Okr004Each()
    {
        var set = new OkrSet([Q4], [new Owner("acme")], [new Objective("a", "A", "nobody", "2099-Q1")]);
        var errors = Problems(set);
        Assert.Equal(2, errors.Count);
        Assert.All(errors.Items, e => Assert.Equal(("OKR004", (string?)"a"), (e.Code, e.Subject)));
    }

    [Fact]
    public void UnknownParentOwner_Okr004OnOwner()
    {
        var set = new OkrSet([Q4], [new Owner("acme", null, "holding")], [Obj("a")]);
        Assert.Equal("acme", Single(set.TryCompile(), OkrCodes.UnknownReference).Subject);
    }

    [Fact]
    public void DuplicateObjectiveId_Okr003()
    {
        Assert.Equal("a", Single(Set(Obj("a"), Obj("a")).TryCompile(), OkrCodes.DuplicateId).Subject);
    }

    [Fact]
    public void KeyResultIdEqualsObjectiveId_Okr003SharedNamespace()
    {
        Assert.Equal("a", Single(Set(Obj("a"), Obj("b", [Pct("a", 1)])).TryCompile(), OkrCodes.DuplicateId).Subject);
    }

    [Fact]
    public void DuplicateKeyResultIdAcrossObjectives_Okr003()
    {
        Assert.Equal("k", Single(Set(Obj("a", [Pct("k", 1)]), Obj("b", [Pct("k", 1)])).TryCompile(), OkrCodes.DuplicateId).Subject);
    }

    [Fact]
    public void DuplicatePeriodAndOwnerIds_Okr003Each()
    {
        var set = new OkrSet([Q4, Q4], [new Owner("acme"), new Owner("acme")], [Obj("a")]);
        var errors = Problems(set);
        Assert.Equal(2, errors.Count);
        Assert.All(errors.Items, e => Assert.Equal("OKR003", e.Code));
    }

    [Fact]
    public void PeriodIdMayEqualObjectiveId_SeparateNamespaces()
    {
        Assert.True(new OkrSet([Q4], [new Owner("acme")], [Obj("2026-Q4")]).TryCompile().IsT0);
    }

    [Fact]
    public void SelfAlignment_Okr008ListsItTwice()
    {
        var finding = Single(Set(Obj("a", alignsTo: ToO("a"))).TryCompile(), OkrCodes.AlignmentCycle);
        Assert.Equal("a", finding.Subject);
        Assert.Contains("a -> a", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoObjectiveCycle_Okr008OnFirstInDocumentOrder()
    {
        var finding = Single(Set(Obj("a", alignsTo: ToO("b")), Obj("b", alignsTo: ToO("a"))).TryCompile(), OkrCodes.AlignmentCycle);
        Assert.Equal("a", finding.Subject);
        Assert.Contains("a -> b -> a", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ObjectiveAlignedToItsOwnKeyResult_Okr008()
    {
        var finding = Single(Set(Obj("o", [Kr("k", KeyResultDefinition.RollupMean())], alignsTo: ToK("k"))).TryCompile(), OkrCodes.AlignmentCycle);
        Assert.Equal("o", finding.Subject);
        Assert.Contains("o -> k -> o", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CycleThroughAKeyResult_Okr008SpellsItOut()
    {
        var set = Set(Obj("a", [Pct("ka", 1)], alignsTo: ToO("b")), Obj("b", [Pct("kb", 1)], alignsTo: ToK("ka")));
        var finding = Single(set.TryCompile(), OkrCodes.AlignmentCycle);
        Assert.Equal("a", finding.Subject);
        Assert.Contains("a -> b -> ka -> a", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyResultSelfAlignment_Okr008()
    {
        var finding = Single(Set(Obj("a", [Kr("k", KeyResultDefinition.RollupMean()).WithAlignsTo([ToK("k")])])).TryCompile(), OkrCodes.AlignmentCycle);
        Assert.Equal("k", finding.Subject);
        Assert.Contains("k -> k", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoSeparateCycles_OneFindingEach()
    {
        var set = Set(Obj("a", alignsTo: ToO("b")), Obj("b", alignsTo: ToO("a")), Obj("c", alignsTo: ToO("d")), Obj("d", alignsTo: ToO("c")));
        Assert.Equal(["a", "c"], Problems(set).Items.Select(e => e.Subject));
    }

    [Fact]
    public void OwnerParentCycle_Okr008()
    {
        var set = new OkrSet([Q4], [new Owner("acme", null, "x"), new Owner("x", null, "acme")], [Obj("a")]);
        Assert.Equal("OKR008", Assert.Single(Problems(set).Items).Code);
    }

    [Fact]
    public void SeveralProblems_AllReported()
    {
        var set = Set(Obj("a", alignsTo: ToO("ghost")), Obj("a"), Obj("b", alignsTo: ToO("b")));
        Assert.Equal(["OKR003", "OKR004", "OKR008"], Problems(set).Items.Select(e => e.Code).Order());
    }

    [Fact]
    public void Evaluate_InvalidSet_ThrowsWithFindings()
    {
        var ex = Assert.Throws<OkrValidationException>(() => Set(Obj("a", alignsTo: ToO("a"))).Evaluate(Mid));
        Assert.Equal("OKR008", Assert.Single(ex.Errors.Items).Code);
    }

    [Fact]
    public void Diamond_IsNotACycle()
    {
        var set = Set(
            Obj("top", progressFrom: ProgressSource.Children),
            Obj("l", [Pct("lk", 10)], ProgressSource.Both, alignsTo: ToO("top")),
            Obj("r", [Pct("rk", 30)], ProgressSource.Both, alignsTo: ToO("top")),
            Obj("leaf", [Pct("fk", 50)], alignsTo: [ToO("l"), ToO("r")]));
        var e = set.Evaluate(Mid);
        Assert.Equal(0.3, e.ScoreOf("l")!.Value, 15);
        Assert.Equal(0.4, e.ScoreOf("r")!.Value, 15);
        Assert.Equal(0.35, e.ScoreOf("top")!.Value, 15);
    }
}
