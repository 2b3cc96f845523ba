namespace Okr.Core.Tests.Validation.Rules;

/// <summary>OKR103: an objective has at least one but fewer than limits.minKeyResults (2) key results.</summary>
public sealed class TooFewKeyResultsRuleTests : RuleTestBase
{
    protected override string Code => "OKR103";

    protected override string FiringSubject => "o-one";

    internal override OkrDocBuilder Firing() => OkrDocBuilder.Create().Objective("o-one", "Delight our users", o => o.KeyResults(1));

    [Fact]
    public void Analyze_ExactlyTwoKeyResults_IsSilent() =>
        AssertSilent(OkrDocBuilder.Create().Objective("o-two", "Delight our users", o => o.KeyResults(2)));

    [Fact]
    public void Analyze_NoKeyResults_IsSilent() =>
        AssertSilent(OkrDocBuilder.Create().Objective("o-none", "Delight our users"));

    [Fact]
    public void Analyze_TwoKeyResultsWithMinimumThree_Fires() =>
        AssertFires(OkrDocBuilder.Create().Limit("minKeyResults", 3).Objective("o-two", "Delight our users", o => o.KeyResults(2)), "o-two");

    [Fact]
    public void Analyze_ProgressFromChildrenWithOneKeyResult_Fires() =>
        AssertFires(OkrDocBuilder.Create().Objective("o-one", "Delight our users", o => o.ProgressFrom("children").KeyResults(1)), "o-one");
}
