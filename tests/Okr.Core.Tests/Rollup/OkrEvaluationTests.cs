using System.Globalization;

namespace Okr.Core.Tests.Rollup;

/// <summary>The report of spec section 9 for the section 8 document as of 2026-11-15, number for number.</summary>
public class OkrEvaluationTests
{
    private static readonly OkrEvaluation Report = WorkedExample.Build().Evaluate(D("2026-11-15"));

    [Fact]
    public void Objectives_InDocumentOrder()
    {
        Assert.Equal(["o-acme", "o-mobile"], Report.Objectives.Select(o => o.Id));
        Assert.Equal(["kr-nps", "kr-crash", "kr-beta", "kr-steps"], Report.Objective("o-mobile").KeyResults.Select(k => k.Id));
        Assert.Equal(D("2026-11-15"), Report.AsOf);
    }

    [Fact]
    public void Objective_OAcme_MatchesReport()
    {
        var o = Report.Objective("o-acme");
        Assert.Equal(0.2619047619047619, o.Score);
        Assert.Equal("red", o.Grade);
        Assert.Equal(OkrStatus.OnTrack, o.Status);
        Assert.Equal(0.5, o.Elapsed);
        Assert.Equal(0.35, o.Expected);
    }

    [Fact]
    public void Objective_OMobile_MatchesReport()
    {
        var o = Report.Objective("o-mobile");
        Assert.Equal(0.12380952380952381, o.Score);
        Assert.Equal("red", o.Grade);
        Assert.Equal(OkrStatus.AtRisk, o.Status);
        Assert.Equal(0.5, o.Elapsed);
        Assert.Equal(0.35, o.Expected);
    }

    [Fact]
    public void KeyResult_KrRev_MatchesReport()
    {
        var k = Report.KeyResult("kr-rev");
        Assert.Equal((decimal?)14m, k.Current);
        Assert.Equal(0.4, k.Attainment);
        Assert.Equal(0.4, k.Score);
        Assert.Equal("yellow", k.Grade);
        Assert.Equal(OkrStatus.OnTrack, k.Status);
        Assert.Equal(6, k.Confidence);
        Assert.Equal(D("2026-11-01"), k.LastCheckIn);
        Assert.Equal("o-acme", k.ObjectiveId);
    }

    [Fact]
    public void KeyResult_KrNps_MatchesReport()
    {
        var k = Report.KeyResult("kr-nps");
        Assert.Equal((decimal?)33m, k.Current);
        Assert.Equal(0.14285714285714285, k.Attainment);
        Assert.Equal(0.14285714285714285, k.Score);
        Assert.Equal("red", k.Grade);
        Assert.Equal(OkrStatus.AtRisk, k.Status);
        Assert.Equal(7, k.Confidence);
        Assert.Equal(D("2026-10-08"), k.LastCheckIn);
    }

    [Fact]
    public void KeyResult_KrCrash_MatchesReport()
    {
        var k = Report.KeyResult("kr-crash");
        Assert.Equal("2.0", k.Current!.Value.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(0.0, k.Attainment);
        Assert.False(double.IsNegative(k.Attainment!.Value));
        Assert.Equal(0.0, k.Score);
        Assert.Equal("red", k.Grade);
        Assert.Equal(OkrStatus.Pending, k.Status);
        Assert.Null(k.Confidence);
        Assert.Null(k.LastCheckIn);
    }

    [Fact]
    public void KeyResult_KrBeta_MatchesReport()
    {
        var k = Report.KeyResult("kr-beta");
        Assert.Null(k.Current);
        Assert.Equal(0.0, k.Attainment);
        Assert.Equal(0.0, k.Score);
        Assert.Equal("red", k.Grade);
        Assert.Equal(OkrStatus.Pending, k.Status);
        Assert.Null(k.Confidence);
        Assert.Null(k.LastCheckIn);
    }

    [Fact]
    public void KeyResult_KrSteps_MatchesReport()
    {
        var k = Report.KeyResult("kr-steps");
        Assert.Equal(0.3333333333333333, k.Attainment);
        Assert.Equal(0.3333333333333333, k.Score);
        Assert.Equal("yellow", k.Grade);
        Assert.Equal(OkrStatus.OnTrack, k.Status);
        Assert.Null(k.Confidence);
        Assert.Null(k.LastCheckIn);
    }

    [Fact]
    public void Explain_OAcme_OwnKeyResultThenAlignedObjective_SharesAddUpToScore()
    {
        var explanation = Report.Explain("o-acme");
        Assert.Equal(["kr-rev", "o-mobile"], explanation.Contributions.Select(c => c.ItemId));
        Assert.Equal(0.2619047619047619, explanation.Score);
        Assert.Equal(explanation.Score!.Value, explanation.Contributions.Sum(c => c.Share), 15);
        Assert.Equal(0.2, explanation.Contributions[0].Share);
    }

    [Fact]
    public void Explain_OMobile_WeightsTwoOneOneOne()
    {
        var explanation = Report.Explain("o-mobile");
        Assert.Equal([2.0, 1, 1, 1], explanation.Contributions.Select(c => c.Weight));
        Assert.Equal(explanation.Score!.Value, explanation.Contributions.Sum(c => c.Share), 15);
    }

    [Fact]
    public void TryGetObjective_KeyResultId_IsFalse()
    {
        Assert.False(Report.TryGetObjective("kr-rev", out _));
        Assert.False(Report.TryGetKeyResult("o-acme", out _));
        Assert.Equal("No objective has the id 'nope'.", Assert.Throws<KeyNotFoundException>(() => Report.Objective("nope")).Message);
        Assert.Equal("No objective has the id 'kr-rev', which is a key result: call KeyResult(id).", Assert.Throws<KeyNotFoundException>(() => Report.Objective("kr-rev")).Message);
        Assert.Equal("No key result has the id 'o-acme', which is an objective: call Objective(id).", Assert.Throws<KeyNotFoundException>(() => Report.KeyResult("o-acme")).Message);
    }

    [Fact]
    public void Evaluate_TimeProvider_UsesItsLocalDay()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 15, 12, 0, 0, TimeSpan.Zero));
        var evaluation = WorkedExample.Build().Evaluate(clock);
        Assert.Equal(D("2026-11-15"), evaluation.AsOf);
        Assert.Equal(0.2619047619047619, evaluation.ScoreOf("o-acme"));
    }

    [Fact]
    public void TryEvaluate_TimeProvider_UsesItsLocalDayOrReturnsTheFindings()
    {
        // 23:30 UTC is already the next day at UTC+2: the clock's own zone decides the day.
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 14, 23, 30, 0, TimeSpan.Zero), TimeZoneInfo.CreateCustomTimeZone("UTC+2", TimeSpan.FromHours(2), "UTC+2", "UTC+2"));
        Assert.Equal(D("2026-11-15"), WorkedExample.Build().TryEvaluate(clock).AsT0.AsOf);

        var valid = WorkedExample.Build();
        var invalid = new OkrSet(valid.Periods, valid.Owners, [.. valid.Objectives, new Objective("o-extra", "Extra", "nobody", valid.Periods[0].Id)]);
        Assert.Equal(OkrCodes.UnknownReference, Assert.Single(invalid.TryEvaluate(clock).AsT1).Code);
        Assert.Throws<ArgumentNullException>(() => invalid.TryEvaluate((TimeProvider)null!));
    }

    [Fact]
    public void Evaluate_BeforeAnyCheckIn_AllPendingOrNotStarted()
    {
        var evaluation = WorkedExample.Build().Evaluate(D("2026-09-30"));
        Assert.All(evaluation.Objectives, o => Assert.Equal(OkrStatus.NotStarted, o.Status));
        Assert.Equal(0.0, evaluation.Objective("o-mobile").Elapsed);
    }

    [Fact]
    public void Evaluate_AfterEnd_EverythingMissed()
    {
        var evaluation = WorkedExample.Build().Evaluate(D("2027-01-01"));
        Assert.Equal(OkrStatus.Missed, evaluation.StatusOf("o-acme"));
        Assert.Equal(OkrStatus.Missed, evaluation.StatusOf("kr-beta"));
        Assert.Equal(1.0, evaluation.Objective("o-acme").Elapsed);
        Assert.Equal(0.7, evaluation.Objective("o-acme").Expected);
    }

    private sealed class FixedClock(DateTimeOffset now, TimeZoneInfo? zone = null) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public override TimeZoneInfo LocalTimeZone => zone ?? TimeZoneInfo.Utc;
    }
}
