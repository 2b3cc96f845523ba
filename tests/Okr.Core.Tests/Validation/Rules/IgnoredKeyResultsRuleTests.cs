namespace Okr.Core.Tests.Validation.Rules;

/// <summary>OKR108: progressFrom children but the objective has key results (they are ignored).</summary>
public sealed class IgnoredKeyResultsRuleTests : RuleTestBase
{
    protected override string Code => "OKR108";

    protected override string FiringSubject => "o-parent";

    internal override OkrDocBuilder Firing() =>
        OkrDocBuilder.Create().Objective("o-parent", "Win the mobile market", o => o.ProgressFrom("children").KeyResults(2));

    [Fact]
    public void Analyze_ProgressFromBothWithKeyResults_IsSilent() =>
        AssertSilent(OkrDocBuilder.Create().Objective("o-parent", "Win the mobile market", o => o.ProgressFrom("both").KeyResults(2)));

    [Fact]
    public void Analyze_ProgressFromChildrenWithoutKeyResults_IsSilent() =>
        AssertSilent(OkrDocBuilder.Create().Objective("o-parent", "Win the mobile market", o => o.ProgressFrom("children")));
}
