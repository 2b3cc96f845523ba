namespace Okr.Core.Tests.Validation.Rules;

/// <summary>OKR202: a KR title uses a vague comparator (whole words, any case).</summary>
public sealed class VagueComparatorRuleTests : RuleTestBase
{
    protected override string Code => "OKR202";

    protected override string FiringSubject => "kr-vague";

    internal override OkrDocBuilder Firing() => WithKeyResultTitle("kr-vague", "Keep churn below 5%");

    [Theory]
    [InlineData("Reach at least 40% retention")]
    [InlineData("Keep errors at most 10 a day")]
    [InlineData("Grow revenue above 2M")]
    [InlineData("Cut latency below 200 ms")]
    [InlineData("Sign more than 10 partners")]
    [InlineData("Spend less than 5 minutes on setup")]
    [InlineData("Serve up to 1000 requests a second")]
    [InlineData("Grow NPS to around 45")]
    [InlineData("Reach approximately 20 stores")]
    [InlineData("Reach AT LEAST 40% retention")]
    [InlineData("Grow NPS to Around 45")]
    public void Analyze_EachVagueComparator_Fires(string title) => AssertFires(WithKeyResultTitle("kr", title), "kr");

    [Theory]
    [InlineData("Raise NPS from 31 to 45")]
    [InlineData("Cut setup to 5 minutes")]
    [InlineData("Grow the aboveground network from 2 to 5 sites")]
    [InlineData("Reduce the turnaround time from 9 to 4 days")]
    [InlineData("Raise the atmosphere score from 3 to 4")]
    public void Analyze_ExactTitleOrComparatorInsideAWord_IsSilent(string title) => AssertSilent(WithKeyResultTitle("kr", title));

    private static OkrDocBuilder WithKeyResultTitle(string id, string title) => OkrDocBuilder.Create().Objective("o", "Delight our users", o => o
        .Increase(id, title, 0, 100, ("2026-11-10", 50))
        .Percent("kr-other", 50));
}
