namespace Okr.Core.Tests.Validation.Rules;

/// <summary>OKR203: a milestone or checklist KR whose title's first word is a task verb.</summary>
public sealed class OutputKeyResultRuleTests : RuleTestBase
{
    protected override string Code => "OKR203";

    protected override string FiringSubject => "kr-launch";

    internal override OkrDocBuilder Firing() => OkrDocBuilder.Create().Objective("o", "Delight our users", o => o
        .Milestone("kr-launch", "Launch the public beta", ("2026-11-10", 0))
        .Percent("kr-other", 50));

    [Theory]
    [InlineData("implement")]
    [InlineData("launch")]
    [InlineData("build")]
    [InlineData("create")]
    [InlineData("complete")]
    [InlineData("conduct")]
    [InlineData("run")]
    [InlineData("deploy")]
    [InlineData("ship")]
    [InlineData("write")]
    [InlineData("develop")]
    [InlineData("hold")]
    [InlineData("organize")]
    [InlineData("release")]
    [InlineData("migrate")]
    [InlineData("finish")]
    [InlineData("SHIP")]
    public void Analyze_ChecklistStartingWithTaskVerb_Fires(string verb) => AssertFires(OkrDocBuilder.Create().Objective("o", "Delight our users", o => o
        .Checklist("kr-list", $"{verb} the onboarding flow")
        .Percent("kr-other", 50)), "kr-list");

    [Fact]
    public void Analyze_IncreaseKeyResultStartingWithTaskVerb_IsSilent() => AssertSilent(OkrDocBuilder.Create().Objective("o", "Delight our users", o => o
        .Increase("kr", "Launch conversion from 2% to 4%", 2, 4, ("2026-11-10", 3))
        .Percent("kr-other", 50)));

    [Theory]
    [InlineData("Public beta launched")]
    [InlineData("Launching partners signed")]
    [InlineData("Users can launch the app offline")]
    public void Analyze_MilestoneWhoseFirstWordIsNotATaskVerb_IsSilent(string title) => AssertSilent(OkrDocBuilder.Create().Objective("o", "Delight our users", o => o
        .Milestone("kr", title, ("2026-11-10", 0))
        .Percent("kr-other", 50)));
}
