namespace Okr.Core.Tests.Validation.Rules;

/// <summary>OKR104: an objective has more than limits.maxKeyResults (5) key results.</summary>
public sealed class TooManyKeyResultsRuleTests : RuleTestBase
{
    protected override string Code => "OKR104";

    protected override string FiringSubject => "o-six";

    internal override OkrDocBuilder Firing() => OkrDocBuilder.Create().Objective("o-six", "Delight our users", o => o.KeyResults(6));

    [Fact]
    public void Analyze_ExactlyFiveKeyResults_IsSilent() =>
        AssertSilent(OkrDocBuilder.Create().Objective("o-five", "Delight our users", o => o.KeyResults(5)));

    [Fact]
    public void Analyze_SixKeyResultsWithMaximumSix_IsSilent() => AssertSilent(Firing().Limit("maxKeyResults", 6));

    [Fact]
    public void Analyze_FourKeyResultsWithMaximumThree_Fires() =>
        AssertFires(OkrDocBuilder.Create().Limit("maxKeyResults", 3).Objective("o-four", "Delight our users", o => o.KeyResults(4)), "o-four");
}
