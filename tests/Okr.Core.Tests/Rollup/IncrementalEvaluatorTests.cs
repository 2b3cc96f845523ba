using Okr.Core.Validation;

namespace Okr.Core.Tests.Rollup;

public class IncrementalEvaluatorTests
{
    private static IncrementalEvaluator Start() => new(AlignmentGraph.Build(WorkedExample.Build()), D("2026-11-15"));

    [Fact]
    public void Constructor_MatchesFullEvaluation()
    {
        var incremental = Start();
        Assert.Equal(0.2619047619047619, incremental.ScoreOf("o-acme"));
        Assert.Equal(OkrStatus.AtRisk, incremental.StatusOf("o-mobile"));
    }

    [Fact]
    public void TryRecordCheckIn_ReevaluatesKeyResultAndItsDependents()
    {
        var incremental = Start();
        var affected = incremental.TryRecordCheckIn("kr-beta", new CheckIn(D("2026-11-10"), 45)).AsT0;
        Assert.Equal(["kr-beta", "o-mobile", "o-acme"], affected);
        Assert.Equal(3, incremental.LastReevaluatedCount);
        Assert.Equal(1.0, incremental.ScoreOf("kr-beta"));
        Assert.Equal(OkrStatus.Achieved, incremental.StatusOf("kr-beta"));
        Assert.Equal((2 * 0.14285714285714285 + 0 + 1 + 0.3333333333333333) / 5, incremental.ScoreOf("o-mobile"));
    }

    [Fact]
    public void TryRecordCheckIn_AfterAsOf_ChangesNothingButIsRecorded()
    {
        var incremental = Start();
        Assert.True(incremental.TryRecordCheckIn("kr-rev", new CheckIn(D("2026-12-01"), 20)).IsT0);
        Assert.Equal(0.4, incremental.ScoreOf("kr-rev"));
    }

    [Fact]
    public void TryRecordCheckIn_OnChecklist_Okr006AndNothingChanges()
    {
        var incremental = Start();
        Single(incremental.TryRecordCheckIn("kr-steps", new CheckIn(D("2026-11-10"), 1)), OkrCodes.InvalidKeyResult);
        Assert.Equal(0.3333333333333333, incremental.ScoreOf("kr-steps"));
    }

    [Theory]
    [InlineData("o-acme", "'o-acme' is an objective: record check-ins on its key results.")]
    [InlineData("kr-typo", "The set has no key result 'kr-typo': record check-ins on one of its key results.")]
    public void TryRecordCheckIn_NotAKeyResult_IsOkr004AndNothingChanges(string id, string message)
    {
        var incremental = Start();

        var error = Single(incremental.TryRecordCheckIn(id, new CheckIn(Mid, 1)), OkrCodes.UnknownReference);

        Assert.Equal((id, message), (error.Subject, error.Message));
        Assert.Equal(0.2619047619047619, incremental.ScoreOf("o-acme"));
    }

    [Fact]
    public void Snapshot_SetHoldsTheRecordedCheckIns_AndItsValidationMatchesAFullEvaluation()
    {
        // The rules look at the snapshot's set: a key result checked in on the day is not stale there.
        var incremental = Start();
        var checkIn = new CheckIn(D("2026-11-15"), 45);
        Assert.True(incremental.TryRecordCheckIn("kr-beta", checkIn).IsT0);
        var set = WorkedExample.Build();
        var mobile = set.Objectives.Single(o => o.Id == "o-mobile");
        var updated = set.WithObjective(mobile.WithKeyResult(mobile.KeyResults.Single(k => k.Id == "kr-beta").WithCheckIn(checkIn)));

        var snapshot = incremental.Snapshot();

        Assert.Equal(updated, snapshot.Set);
        var full = updated.Evaluate(D("2026-11-15"));
        Assert.Equal(OkrValidator.Default.Validate(full).Findings, OkrValidator.Default.Validate(snapshot).Findings);
        Assert.Same(full.Graph.Set, full.Set);
        // ... and differs from the set before the check-in, so comparing them above shows something.
        Assert.NotEqual(OkrValidator.Default.Validate(set.Evaluate(D("2026-11-15"))).Findings, OkrValidator.Default.Validate(full).Findings);
    }

    [Fact]
    public void Snapshot_IsNotChangedByLaterCheckIns()
    {
        var incremental = Start();
        var snapshot = incremental.Snapshot();
        incremental.TryRecordCheckIn("kr-rev", new CheckIn(D("2026-11-14"), 20));
        Assert.Equal(0.4, snapshot.ScoreOf("kr-rev"));
        Assert.Equal(1.0, incremental.ScoreOf("kr-rev"));
        Assert.Equal(D("2026-11-14"), incremental.Snapshot().KeyResult("kr-rev").LastCheckIn);
    }

    [Theory]
    [InlineData("2026-09-30")]
    [InlineData("2026-10-01")]
    [InlineData("2026-12-31")]
    [InlineData("2027-01-15")]
    public void Reevaluate_GivesTheFullEvaluationOfThatDay_WithTheRecordedCheckIns(string day)
    {
        var incremental = Start();
        var checkIn = new CheckIn(D("2026-11-10"), 45, confidence: 2);
        Assert.True(incremental.TryRecordCheckIn("kr-beta", checkIn).IsT0);
        var set = WorkedExample.Build();
        var mobile = set.Objectives.Single(o => o.Id == "o-mobile");
        var updated = set.WithObjective(mobile.WithKeyResult(mobile.KeyResults.Single(k => k.Id == "kr-beta").WithCheckIn(checkIn)));

        incremental.Reevaluate(D(day));

        Assert.Equal(D(day), incremental.AsOf);
        Assert.Equal(AlignmentGraph.Build(updated).NodeCount, incremental.LastReevaluatedCount);
        var full = updated.Evaluate(D(day));
        Assert.Equal(full.Objectives, incremental.Snapshot().Objectives);
        Assert.Equal(full.ScoreOf("o-acme"), incremental.ScoreOf("o-acme"));
    }

    [Fact]
    public void Reevaluate_AllocatesNothing()
    {
        var incremental = Start();
        Assert.True(incremental.TryRecordCheckIn("kr-beta", new CheckIn(D("2026-11-10"), 45)).IsT0);
        foreach (var day in new[] { "2026-09-30", "2026-11-20", "2027-01-15" })
        {
            incremental.Reevaluate(D(day));
        }

        var (first, last) = (D("2026-09-25"), D("2027-01-05"));
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            incremental.Reevaluate(day);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
