namespace Okr.Core.Tests.Validation.Rules;

/// <summary>
/// OKR206 (info): after a period ended, the owner's scored aspirational objectives in it (two or more) average 0.9
/// or more.
/// </summary>
public sealed class SafeTargetsRuleTests : RuleTestBase
{
    protected override string Code => "OKR206";

    protected override OkrSeverity DefaultSeverity => OkrSeverity.Info;

    protected override string FiringSubject => "acme";

    protected override DateOnly AsOf => OkrDocBuilder.AfterEnd;

    internal override OkrDocBuilder Firing() => Owner(90, 90);

    [Fact]
    public void Analyze_AverageJustBelowNinety_IsSilent() => AssertSilent(Owner(89, 89));

    [Fact]
    public void Analyze_UnevenScoresAveragingNinety_Fires() => AssertFires(Owner(80, 100), "acme");

    [Fact]
    public void Analyze_SingleAspirationalObjective_IsSilent() => AssertSilent(Owner(100));

    [Fact]
    public void Analyze_ThreeHighObjectives_ReportsOnce() => AssertFires(Owner(95, 95, 95), "acme");

    [Fact]
    public void Analyze_LastDayOfPeriod_IsSilent() => AssertSilent(Owner(100, 100), new DateOnly(2026, 12, 31));

    [Fact]
    public void Analyze_CommittedObjectivesLeftOut_IsSilent() => AssertSilent(OkrDocBuilder.Create()
        .Objective("o1", "Delight our users", o => o.Percent("kr1", 100).Percent("kr1b", 100))
        .Objective("o2", "Keep the lights on", o => o.Committed().Percent("kr2", 100).Percent("kr2b", 100)));

    [Fact]
    public void Analyze_UnscoredObjectivesLeftOut_IsSilent() => AssertSilent(OkrDocBuilder.Create()
        .Objective("o1", "Delight our users", o => o.Percent("kr1", 100).Percent("kr1b", 100))
        .Objective("o2", "Explore new markets"));

    [Fact]
    public void Analyze_OwnersCountedSeparately_ReportsOnlyTheSafeOne()
    {
        var document = Owner(95, 95).Owner("mobile")
            .Objective("m1", "Delight mobile users", o => o.Owner("mobile").Percent("m1-kr", 60).Percent("m1-kr2", 60))
            .Objective("m2", "Win mobile reviewers", o => o.Owner("mobile").Percent("m2-kr", 100).Percent("m2-kr2", 100));

        AssertFires(document, "acme");
    }

    private static OkrDocBuilder Owner(params decimal[] percents)
    {
        var document = OkrDocBuilder.Create();
        for (var i = 0; i < percents.Length; i++)
        {
            var value = percents[i];
            document.Objective($"o{i}", $"Delight our users {(char)('a' + i)}", o => o.Percent($"o{i}-kr1", value).Percent($"o{i}-kr2", value));
        }

        return document;
    }
}
