namespace Okr.Core.Tests.Validation.Rules;

/// <summary>OKR109: a check-in is dated before its objective's period starts or after it ends; once per KR.</summary>
public sealed class CheckInOutsidePeriodRuleTests : RuleTestBase
{
    private static readonly DateOnly Later = new(2027, 2, 1);

    protected override string Code => "OKR109";

    protected override string FiringSubject => "kr-early";

    protected override DateOnly AsOf => Later;

    internal override OkrDocBuilder Firing() => OkrDocBuilder.Create().Objective("o", "Delight our users", o => o
        .Increase("kr-early", "Raise NPS from 31 to 45", 31, 45, ("2026-09-30", 32))
        .Increase("kr-fine", "Raise retention from 20% to 30%", 20, 30, ("2026-10-01", 21), ("2026-12-31", 25)));

    [Fact]
    public void Analyze_CheckInsOnFirstAndLastDay_IsSilent() => AssertSilent(OkrDocBuilder.Create().Objective("o", "Delight our users", o => o
        .Increase("kr-a", "Raise NPS from 31 to 45", 31, 45, ("2026-10-01", 32), ("2026-12-31", 40))));

    [Fact]
    public void Analyze_CheckInDayAfterEnd_Fires() => AssertFires(OkrDocBuilder.Create().Objective("o", "Delight our users", o => o
        .Increase("kr-late", "Raise NPS from 31 to 45", 31, 45, ("2026-11-01", 35), ("2027-01-01", 40))), "kr-late");

    [Fact]
    public void Analyze_SeveralCheckInsOutside_ReportsOncePerKeyResult() => AssertFires(OkrDocBuilder.Create().Objective("o", "Delight our users", o => o
        .Increase("kr-both", "Raise NPS from 31 to 45", 31, 45, ("2026-09-01", 31), ("2026-09-15", 32), ("2027-01-05", 40))), "kr-both");

    [Fact]
    public void Analyze_MilestoneCheckInBeforeStart_Fires() => AssertFires(OkrDocBuilder.Create().Objective("o", "Delight our users", o => o
        .Milestone("kr-ms", "Public beta live for all users", ("2026-09-30", 1))), "kr-ms");
}
