namespace Okr.Core.Tests.Validation.Rules;

/// <summary>OKR107: an aligned objective's period does not overlap its parent's period (a KR parent: its objective's period).</summary>
public sealed class PeriodMismatchRuleTests : RuleTestBase
{
    protected override string Code => "OKR107";

    protected override string FiringSubject => "o-q3";

    internal override OkrDocBuilder Firing() => OkrDocBuilder.Create()
        .Period("2026-Q3", "2026-07-01", "2026-09-30")
        .Objective("o-acme", "Win the mobile market", o => o.KeyResults(3))
        .Objective("o-q3", "Prepare the launch", o => o.Period("2026-Q3").AlignsTo("o-acme").KeyResults(3));

    [Fact]
    public void Analyze_KeyResultParentInOtherPeriod_FiresOnChild() => AssertFires(OkrDocBuilder.Create()
        .Period("2026-Q3", "2026-07-01", "2026-09-30")
        .Objective("o-acme", "Win the mobile market", o => o.KeyResults(3))
        .Objective("o-q3", "Prepare the launch", o => o.Period("2026-Q3").AlignsToKeyResult("o-acme-kr2").KeyResults(3)), "o-q3");

    [Fact]
    public void Analyze_PeriodsShareOneDay_IsSilent() => AssertSilent(OkrDocBuilder.Create()
        .Period("overlap", "2026-09-01", "2026-10-01")
        .Objective("o-acme", "Win the mobile market", o => o.KeyResults(3))
        .Objective("o-edge", "Prepare the launch", o => o.Period("overlap").AlignsTo("o-acme").KeyResults(3))
        .Objective("o-edge-kr", "Prepare the rollout", o => o.Period("overlap").AlignsToKeyResult("o-acme-kr1").KeyResults(3)));

    [Fact]
    public void Analyze_SamePeriod_IsSilent() => AssertSilent(OkrDocBuilder.Create()
        .Objective("o-acme", "Win the mobile market", o => o.KeyResults(3))
        .Objective("o-team", "Prepare the launch", o => o.AlignsTo("o-acme").KeyResults(3)));

    [Fact]
    public void Analyze_ParentAfterChildPeriod_FiresOnChild() => AssertFires(OkrDocBuilder.Create()
        .Period("2027-Q1", "2027-01-01", "2027-03-31")
        .Objective("o-next", "Grow next year", o => o.Period("2027-Q1").KeyResults(3))
        .Objective("o-now", "Prepare the launch", o => o.AlignsTo("o-next").KeyResults(3)), "o-now");
}
