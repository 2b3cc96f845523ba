namespace Okr.Core.Tests.Validation.Rules;

/// <summary>OKR201: an objective title contains a digit.</summary>
public sealed class QuantitativeObjectiveRuleTests : RuleTestBase
{
    protected override string Code => "OKR201";

    protected override string FiringSubject => "o-num";

    internal override OkrDocBuilder Firing() => OkrDocBuilder.Create().Objective("o-num", "Reach 1M users", o => o.KeyResults(3));

    [Theory]
    [InlineData("Win the market in 2026")]
    [InlineData("Be top 3")]
    [InlineData("0 outages")]
    public void Analyze_DigitAnywhereInTitle_Fires(string title) =>
        AssertFires(OkrDocBuilder.Create().Objective("o", title, o => o.KeyResults(3)), "o");

    [Theory]
    [InlineData("Reach a million happy users")]
    [InlineData("Be one of the top three")]
    public void Analyze_NumbersInWords_IsSilent(string title) =>
        AssertSilent(OkrDocBuilder.Create().Objective("o", title, o => o.KeyResults(3)));

    [Fact]
    public void Analyze_DigitsInKeyResultTitlesOnly_IsSilent() => AssertSilent(OkrDocBuilder.Create().Objective("o", "Delight our users", o => o
        .Increase("kr", "Raise NPS from 31 to 45", 31, 45, ("2026-11-10", 35))));
}
