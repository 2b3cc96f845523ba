using System.Globalization;

namespace Okr.Core.Tests.Rollup;

/// <summary>
/// Each objective's pace comes from its own period and commitment (a build numbers the pace classes by period and
/// commitment while it reads the set): objectives of different periods, and of the same period with different
/// commitments, each get their own elapsed share, expected progress and status.
/// </summary>
public class PaceClassTests
{
    private static readonly DateOnly AsOf = D("2026-11-15");

    private static readonly OkrEvaluation Report = new OkrSet(
        [Period.Create("h1", D("2026-01-01"), D("2026-06-30")), Period.Quarter(2026, 3), Period.Quarter(2026, 4)],
        [new Owner("team", "Team")],
        [
            Half("o-q4-aspirational", "2026-Q4", Commitment.Aspirational, "2026-11-01"),
            Half("o-q3-committed", "2026-Q3", Commitment.Committed, "2026-08-15"),
            Half("o-q4-committed", "2026-Q4", Commitment.Committed, "2026-11-01"),
        ]).Evaluate(AsOf);

    [Theory]
    [InlineData("o-q4-aspirational", 0.5, 0.35)]
    [InlineData("o-q3-committed", 1.0, 1.0)]
    [InlineData("o-q4-committed", 0.5, 0.5)]
    public void ElapsedAndExpected_FollowTheObjectivesOwnPeriodAndCommitment(string id, double elapsed, double expected)
    {
        var objective = Report.Objective(id);
        Assert.Equal(elapsed, objective.Elapsed);
        Assert.Equal(expected, objective.Expected);
    }

    [Fact]
    public void Status_OfTheSameScore_DependsOnThePeriod()
    {
        Assert.Equal(OkrStatus.OnTrack, Report.StatusOf("o-q4-aspirational"));
        Assert.Equal(OkrStatus.Missed, Report.StatusOf("o-q3-committed"));
    }

    /// <summary>An objective whose one key result is half done.</summary>
    private static Objective Half(string id, string periodId, Commitment commitment, string checkedOn) => new(
        id,
        "Ship it",
        "team",
        periodId,
        [KeyResult.Create($"{id}-kr", "Half way", KeyResultDefinition.Increase(0, 10), checkIns: [new CheckIn(D(checkedOn), 5)])],
        commitment);

    private static DateOnly D(string day) => DateOnly.Parse(day, CultureInfo.InvariantCulture);
}
