namespace Okr.Core.Tests.Validation.Rules;

/// <summary>OKR102: an objective counts key results (progressFrom keyResults or both) but has none.</summary>
public sealed class NoKeyResultsRuleTests : RuleTestBase
{
    protected override string Code => "OKR102";

    protected override string FiringSubject => "o-empty";

    internal override OkrDocBuilder Firing() => OkrDocBuilder.Create().Objective("o-empty", "Delight our users");

    [Fact]
    public void Analyze_ProgressFromBothWithoutKeyResults_Fires() =>
        AssertFires(OkrDocBuilder.Create().Objective("o-both", "Delight our users", o => o.ProgressFrom("both")), "o-both");

    [Fact]
    public void Analyze_ProgressFromChildrenWithoutKeyResults_IsSilent() =>
        AssertSilent(OkrDocBuilder.Create().Objective("o-parent", "Delight our users", o => o.ProgressFrom("children")));

    [Fact]
    public void Analyze_OneKeyResult_IsSilent() =>
        AssertSilent(OkrDocBuilder.Create().Objective("o-one", "Delight our users", o => o.KeyResults(1)));
}
