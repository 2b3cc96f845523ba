namespace Okr.Core.Tests.Validation.Rules;

/// <summary>OKR105: an objective of an owner that has a parent owner is aligned to nothing.</summary>
public sealed class UnalignedObjectiveRuleTests : RuleTestBase
{
    protected override string Code => "OKR105";

    protected override string FiringSubject => "o-mobile";

    internal override OkrDocBuilder Firing() => OkrDocBuilder.Create()
        .Owner("mobile", parent: "acme")
        .Objective("o-acme", "Win the mobile market", o => o.KeyResults(3))
        .Objective("o-mobile", "Delight mobile users", o => o.Owner("mobile").KeyResults(3));

    [Fact]
    public void Analyze_AlignedToParentObjective_IsSilent() => AssertSilent(OkrDocBuilder.Create()
        .Owner("mobile", parent: "acme")
        .Objective("o-acme", "Win the mobile market", o => o.KeyResults(3))
        .Objective("o-mobile", "Delight mobile users", o => o.Owner("mobile").AlignsTo("o-acme").KeyResults(3)));

    [Fact]
    public void Analyze_AlignedToParentKeyResult_IsSilent() => AssertSilent(OkrDocBuilder.Create()
        .Owner("mobile", parent: "acme")
        .Objective("o-acme", "Win the mobile market", o => o.KeyResults(3))
        .Objective("o-mobile", "Delight mobile users", o => o.Owner("mobile").AlignsToKeyResult("o-acme-kr1").KeyResults(3)));

    [Fact]
    public void Analyze_OwnerWithoutParent_IsSilent() =>
        AssertSilent(OkrDocBuilder.Create().Objective("o-acme", "Win the mobile market", o => o.KeyResults(3)));
}
