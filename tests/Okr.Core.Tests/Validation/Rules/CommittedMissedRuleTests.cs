namespace Okr.Core.Tests.Validation.Rules;

/// <summary>OKR205: a committed objective whose status is missed.</summary>
public sealed class CommittedMissedRuleTests : RuleTestBase
{
    protected override string Code => "OKR205";

    protected override string FiringSubject => "o-promise";

    protected override DateOnly AsOf => OkrDocBuilder.AfterEnd;

    internal override OkrDocBuilder Firing() => Scored("o-promise", 99, committed: true);

    [Fact]
    public void Analyze_CommittedObjectiveAtFullScore_IsSilent() => AssertSilent(Scored("o-promise", 100, committed: true));

    [Fact]
    public void Analyze_AspirationalObjectiveMissed_IsSilent() => AssertSilent(Scored("o-stretch", 50, committed: false));

    [Fact]
    public void Analyze_LastDayOfPeriod_IsSilent() => AssertSilent(Scored("o-promise", 50, committed: true), new DateOnly(2026, 12, 31));

    [Fact]
    public void Analyze_CommittedObjectiveUnscored_IsSilent() =>
        AssertSilent(OkrDocBuilder.Create().Objective("o-promise", "Keep the lights on", o => o.Committed()));

    private static OkrDocBuilder Scored(string id, decimal percent, bool committed) => OkrDocBuilder.Create().Objective(id, "Keep the lights on", o =>
    {
        if (committed)
        {
            o.Committed();
        }

        o.Percent($"{id}-kr1", percent).Percent($"{id}-kr2", percent);
    });
}
