using System.Text.Json.Nodes;

namespace Okr.Core.Tests.Validation.Rules;

/// <summary>
/// OKR204: during the period, a KR of kind increase, decrease, atLeast, atMost, within or milestone whose latest
/// check-in (with none: the period start) is more than staleAfterDays (14) days before the day of evaluation.
/// </summary>
public sealed class StaleKeyResultRuleTests : RuleTestBase
{
    protected override string Code => "OKR204";

    protected override string FiringSubject => "kr-stale";

    internal override OkrDocBuilder Firing() => WithCheckIns(("2026-10-31", 10));

    [Fact]
    public void Analyze_LatestCheckInExactlyFourteenDaysBefore_IsSilent() => AssertSilent(WithCheckIns(("2026-11-01", 10)));

    [Fact]
    public void Analyze_NoCheckInFifteenDaysAfterStart_Fires() => AssertFires(WithCheckIns(), "kr-stale", new DateOnly(2026, 10, 16));

    [Fact]
    public void Analyze_NoCheckInFourteenDaysAfterStart_IsSilent() => AssertSilent(WithCheckIns(), new DateOnly(2026, 10, 15));

    [Fact]
    public void Analyze_CheckInAfterAsOf_DoesNotCount() =>
        AssertFires(WithCheckIns(("2026-10-31", 10), ("2026-11-20", 20)), "kr-stale");

    [Fact]
    public void Analyze_AfterPeriodEnd_IsSilent() => AssertSilent(WithCheckIns(("2026-10-31", 10)), OkrDocBuilder.AfterEnd);

    [Fact]
    public void Analyze_BeforePeriodStart_IsSilent() => AssertSilent(WithCheckIns(), new DateOnly(2026, 9, 1));

    [Fact]
    public void Analyze_LastDayOfPeriod_Fires() => AssertFires(WithCheckIns(("2026-12-01", 10)), "kr-stale", new DateOnly(2026, 12, 31));

    [Fact]
    public void Analyze_StaleAfterDaysSetting_IsUsed()
    {
        AssertSilent(WithCheckIns(("2026-10-31", 10)).Setting("staleAfterDays", JsonValue.Create(15)));
        AssertFires(WithCheckIns(("2026-11-08", 10)).Setting("staleAfterDays", JsonValue.Create(6)), "kr-stale");
    }

    [Fact]
    public void Analyze_ChecklistWithoutCheckIns_IsSilent() => AssertSilent(OkrDocBuilder.Create().Objective("o", "Delight our users", o => o
        .Checklist("kr-list", "Onboarding steps in place")
        .Percent("kr-fresh", 50)));

    [Theory]
    [InlineData("""{"id": "kr-stale", "title": "Crash rate from 2 to 1", "kind": "decrease", "baseline": 2, "target": 1}""")]
    [InlineData("""{"id": "kr-stale", "title": "Retention of 40%", "kind": "atLeast", "threshold": 40}""")]
    [InlineData("""{"id": "kr-stale", "title": "Latency of 200 ms", "kind": "atMost", "threshold": 200}""")]
    [InlineData("""{"id": "kr-stale", "title": "Stock between 5 and 9", "kind": "within", "min": 5, "max": 9}""")]
    [InlineData("""{"id": "kr-stale", "title": "Public beta live", "kind": "milestone"}""")]
    public void Analyze_EachMeasuredKindWithoutCheckIns_Fires(string keyResult) => AssertFires(OkrDocBuilder.Create().Objective("o", "Delight our users", o => o
        .KeyResult(JsonNode.Parse(keyResult)!.AsObject())
        .Percent("kr-fresh", 50)), "kr-stale");

    private static OkrDocBuilder WithCheckIns(params (string At, decimal Value)[] checkIns) => OkrDocBuilder.Create().Objective("o", "Delight our users", o => o
        .Increase("kr-stale", "Raise NPS from 0 to 100", 0, 100, checkIns));
}
