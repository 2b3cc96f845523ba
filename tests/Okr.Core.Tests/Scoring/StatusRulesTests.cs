namespace Okr.Core.Tests.Scoring;

/// <summary>Spec section 6: the first rule that applies. Q4 as of 2026-11-15: elapsed 0.5, expected 0.35 (aspirational) or 0.5 (committed).</summary>
public class StatusRulesTests
{
    private static OkrStatus StatusOf(decimal percent, DateOnly asOf, Commitment commitment = Commitment.Aspirational, int? confidence = null, OkrSettings? settings = null)
        => EvalKr(Pct("kr", percent, 1, confidence), asOf, commitment, settings).Status;

    [Theory]
    [InlineData(20, OkrStatus.OnTrack)]   // gap -0.15: on the edge
    [InlineData(35, OkrStatus.OnTrack)]
    [InlineData(19, OkrStatus.AtRisk)]    // gap -0.16
    [InlineData(5, OkrStatus.AtRisk)]     // gap -0.30: on the edge
    [InlineData(4, OkrStatus.OffTrack)]   // gap -0.31
    [InlineData(0, OkrStatus.OffTrack)]
    [InlineData(99, OkrStatus.OnTrack)]
    [InlineData(100, OkrStatus.Achieved)]
    [InlineData(150, OkrStatus.Achieved)]
    public void Decide_AspirationalMidPeriod_PaceAgainst035(double percent, OkrStatus expected)
    {
        Assert.Equal(expected, StatusOf((decimal)percent, Mid));
    }

    [Theory]
    [InlineData(35, OkrStatus.OnTrack)]   // gap -0.15
    [InlineData(34, OkrStatus.AtRisk)]
    [InlineData(20, OkrStatus.AtRisk)]    // gap -0.30
    [InlineData(19, OkrStatus.OffTrack)]
    public void Decide_CommittedMidPeriod_PaceAgainst05(double percent, OkrStatus expected)
    {
        Assert.Equal(expected, StatusOf((decimal)percent, Mid, Commitment.Committed));
    }

    [Theory]
    [InlineData(70, Commitment.Aspirational, OkrStatus.Met)]
    [InlineData(69, Commitment.Aspirational, OkrStatus.Missed)]
    [InlineData(100, Commitment.Committed, OkrStatus.Met)]
    [InlineData(99, Commitment.Committed, OkrStatus.Missed)]
    [InlineData(70, Commitment.Committed, OkrStatus.Missed)]
    public void Decide_AfterEnd_MetWhenScoreReachesSuccessTarget(double percent, Commitment commitment, OkrStatus expected)
    {
        Assert.Equal(expected, StatusOf((decimal)percent, AfterEnd, commitment));
    }

    [Fact]
    public void Decide_AfterEndWithCustomAspirationalTarget_UsesIt()
    {
        var settings = OkrSettings.Create(o => o.AspirationalTarget = 0.5);
        Assert.Equal(OkrStatus.Met, StatusOf(50, AfterEnd, settings: settings));
        Assert.Equal(OkrStatus.Missed, StatusOf(50, AfterEnd));
    }

    [Fact]
    public void Decide_MidPeriodWithCustomAspirationalTarget_ExpectedIsElapsedTimesIt()
    {
        var settings = OkrSettings.Create(o => o.AspirationalTarget = 0.5);
        var evaluation = Set(settings, Obj("o", [Pct("kr", 10)])).Evaluate(Mid);
        Assert.Equal(0.25, evaluation.Objective("o").Expected);
        Assert.Equal(OkrStatus.OnTrack, evaluation.StatusOf("kr"));     // gap -0.15
        Assert.Equal(OkrStatus.AtRisk, StatusOf(10, Mid));              // gap -0.25 against 0.35
    }

    [Fact]
    public void Decide_BeforeStart_NotStartedEvenWhenAchieved()
    {
        var kr = Inc("kr", 0, 10, C("2026-09-01", 10));
        Assert.Equal(OkrStatus.NotStarted, EvalKr(kr, BeforeStart).Status);
        Assert.Equal(1.0, EvalKr(kr, BeforeStart).Score);
    }

    [Fact]
    public void Decide_FirstDay_ExpectedIsOneDayOfPace()
    {
        var evaluation = Eval(D("2026-10-01"), Obj("o", [Inc("kr", 0, 92, C("2026-10-01", 0))], commitment: Commitment.Committed));
        Assert.Equal(1.0 / 92, evaluation.Objective("o").Elapsed);
        Assert.Equal(1.0 / 92, evaluation.Objective("o").Expected);
        Assert.Equal(OkrStatus.OnTrack, evaluation.StatusOf("kr"));
    }

    [Fact]
    public void Decide_LastDay_ExpectedIsFullTarget()
    {
        var evaluation = Eval(D("2026-12-31"), Obj("o", [Pct("kr", 80)], commitment: Commitment.Committed));
        Assert.Equal(1.0, evaluation.Objective("o").Elapsed);
        Assert.Equal(1.0, evaluation.Objective("o").Expected);
        Assert.Equal(OkrStatus.AtRisk, evaluation.StatusOf("kr"));
    }

    [Theory]
    [InlineData(3, OkrStatus.AtRisk)]
    [InlineData(0, OkrStatus.AtRisk)]
    [InlineData(4, OkrStatus.OnTrack)]
    [InlineData(10, OkrStatus.OnTrack)]
    public void Decide_LowConfidence_DemotesOnTrackToAtRisk(int confidence, OkrStatus expected)
    {
        Assert.Equal(expected, StatusOf(50, Mid, confidence: confidence));
    }

    [Fact]
    public void Decide_LowConfidenceSetting_MovesTheEdge()
    {
        var settings = OkrSettings.Create(o => o.LowConfidence = 5);
        Assert.Equal(OkrStatus.AtRisk, StatusOf(50, Mid, confidence: 5, settings: settings));
        Assert.Equal(OkrStatus.OnTrack, StatusOf(50, Mid, confidence: 6, settings: settings));
    }

    [Theory]
    [InlineData(100, OkrStatus.Achieved)]
    [InlineData(10, OkrStatus.AtRisk)]
    [InlineData(0, OkrStatus.OffTrack)]
    public void Decide_LowConfidence_OnlyTouchesOnTrack(double percent, OkrStatus expected)
    {
        Assert.Equal(expected, StatusOf((decimal)percent, Mid, confidence: 1));
    }

    [Fact]
    public void Decide_LowConfidence_DoesNotApplyToObjectives()
    {
        var evaluation = Eval(Mid, Obj("o", [Pct("kr", 50, 1, 1)]));
        Assert.Equal(OkrStatus.AtRisk, evaluation.StatusOf("kr"));
        Assert.Equal(OkrStatus.OnTrack, evaluation.StatusOf("o"));
    }

    [Fact]
    public void Decide_ConfidenceFromLatestCheckInOnly()
    {
        var kr = Inc("kr", 0, 10, C("2026-10-01", 5, 1), C("2026-10-05", 5));
        var result = EvalKr(kr, Mid);
        Assert.Equal(OkrStatus.OnTrack, result.Status);
        Assert.Null(result.Confidence);
        Assert.Equal(D("2026-10-05"), result.LastCheckIn);
    }

    [Fact]
    public void Decide_LowConfidenceOnLaterCheckIn_Demotes()
    {
        var kr = Inc("kr", 0, 10, C("2026-10-01", 5, 9), C("2026-10-05", 5, 2));
        Assert.Equal(OkrStatus.AtRisk, EvalKr(kr, Mid).Status);
        Assert.Equal(OkrStatus.OnTrack, EvalKr(kr, D("2026-10-04")).Status);
    }

    [Fact]
    public void Decide_NoCheckInMidPeriod_Pending()
    {
        var result = EvalKr(Inc("kr", 0, 10), Mid);
        Assert.Equal(OkrStatus.Pending, result.Status);
        Assert.True(result.IsPending);
        Assert.Equal(0.0, result.Score);
    }

    [Fact]
    public void Decide_NoCheckInAfterEnd_MissedBecauseClosingGradesEverything()
    {
        Assert.Equal(OkrStatus.Missed, EvalKr(Inc("kr", 0, 10), AfterEnd).Status);
    }

    [Fact]
    public void Decide_ObjectiveWithAllKeyResultsPending_Pending()
    {
        var evaluation = Eval(Mid, Obj("o", [Inc("a", 0, 10), Kr("b", KeyResultDefinition.AtLeast(3))]));
        Assert.Equal(OkrStatus.Pending, evaluation.StatusOf("o"));
        Assert.True(evaluation.Objective("o").IsPending);
        Assert.Equal(0.0, evaluation.ScoreOf("o"));
    }

    [Fact]
    public void Decide_ObjectiveWithOneMeasuredKeyResult_NotPending()
    {
        var evaluation = Eval(Mid, Obj("o", [Inc("a", 0, 10), Pct("b", 80)]));
        Assert.False(evaluation.Objective("o").IsPending);
        Assert.Equal(0.4, evaluation.ScoreOf("o"));
        Assert.Equal(OkrStatus.OnTrack, evaluation.StatusOf("o"));
    }

    [Fact]
    public void Decide_ObjectiveWhosePendingKeyResultHasWeightZero_IgnoresIt()
    {
        var evaluation = Eval(Mid, Obj("o", [Kr("a", KeyResultDefinition.Increase(0, 10), 0), Pct("b", 80)]));
        Assert.Equal(0.8, evaluation.ScoreOf("o"));
    }

    [Fact]
    public void Decide_ChecklistNothingDone_NeverPending()
    {
        var result = EvalKr(Kr("kr", KeyResultDefinition.Checklist(new ChecklistItem("a"))), Mid);
        Assert.False(result.IsPending);
        Assert.Equal(OkrStatus.OffTrack, result.Status);
    }

    [Fact]
    public void Decide_WorstMode_TakesWorstCountedItem()
    {
        var settings = OkrSettings.Create(o => o.ObjectiveStatus = ObjectiveStatusMode.Worst);
        var objective = Obj("o", [Pct("a", 100), Pct("b", 0)]);
        Assert.Equal(OkrStatus.OffTrack, Set(settings, objective).Evaluate(Mid).StatusOf("o"));
        Assert.Equal(OkrStatus.OnTrack, Set(objective).Evaluate(Mid).StatusOf("o")); // pace: 0.5 vs 0.35
    }

    [Fact]
    public void Decide_WorstMode_LeavesPendingItemsOut()
    {
        var settings = OkrSettings.Create(o => o.ObjectiveStatus = ObjectiveStatusMode.Worst);
        var evaluation = Set(settings, Obj("o", [Pct("a", 100), Inc("b", 0, 10)])).Evaluate(Mid);
        Assert.Equal(0.5, evaluation.ScoreOf("o"));
        Assert.Equal(OkrStatus.Achieved, evaluation.StatusOf("o"));
    }

    [Fact]
    public void Decide_WorstMode_KeyResultLowConfidenceCountsAsAtRisk()
    {
        var settings = OkrSettings.Create(o => o.ObjectiveStatus = ObjectiveStatusMode.Worst);
        var evaluation = Set(settings, Obj("o", [Pct("a", 100), Pct("b", 50, 1, 2)])).Evaluate(Mid);
        Assert.Equal(OkrStatus.AtRisk, evaluation.StatusOf("o"));
    }

    [Fact]
    public void Decide_WorstMode_AfterEndKeepsMetOrMissed()
    {
        var settings = OkrSettings.Create(o => o.ObjectiveStatus = ObjectiveStatusMode.Worst);
        var evaluation = Set(settings, Obj("o", [Pct("a", 100), Pct("b", 60)])).Evaluate(AfterEnd);
        Assert.Equal(OkrStatus.Met, evaluation.StatusOf("o"));
        Assert.Equal(OkrStatus.Missed, evaluation.StatusOf("b"));
    }

    [Fact]
    public void Decide_WorstMode_ChildMissedCountsAsOffTrackMetAsAchieved()
    {
        var settings = OkrSettings.Create(o => o.ObjectiveStatus = ObjectiveStatusMode.Worst);
        var q3 = Period.Quarter(2026, 3);
        OkrSet SetWith(decimal childPercent) => new(
            [Q4, q3],
            [new Owner("acme")],
            [
                Obj("parent", progressFrom: ProgressSource.Children),
                Obj("child", [Pct("c", childPercent)], period: "2026-Q3", alignsTo: AlignmentLink.ToObjective("parent")),
            ],
            settings);

        var missed = SetWith(50).Evaluate(Mid);
        Assert.Equal(OkrStatus.Missed, missed.StatusOf("child"));
        Assert.Equal(OkrStatus.OffTrack, missed.StatusOf("parent"));

        var met = SetWith(80).Evaluate(Mid);
        Assert.Equal(OkrStatus.Met, met.StatusOf("child"));
        Assert.Equal(OkrStatus.Achieved, met.StatusOf("parent"));
    }

    [Fact]
    public void Pace_DirectRule6_Edges()
    {
        var s = OkrSettings.Default;
        Assert.Equal(OkrStatus.OnTrack, StatusRules.Pace(0.2, 0.35, s));
        Assert.Equal(OkrStatus.AtRisk, StatusRules.Pace(0.05, 0.35, s));
        Assert.Equal(OkrStatus.OffTrack, StatusRules.Pace(0.0499, 0.35, s));
    }

    [Theory]
    [InlineData(OkrStatus.NotStarted, "notStarted")]
    [InlineData(OkrStatus.Pending, "pending")]
    [InlineData(OkrStatus.OnTrack, "onTrack")]
    [InlineData(OkrStatus.AtRisk, "atRisk")]
    [InlineData(OkrStatus.OffTrack, "offTrack")]
    [InlineData(OkrStatus.Achieved, "achieved")]
    [InlineData(OkrStatus.Met, "met")]
    [InlineData(OkrStatus.Missed, "missed")]
    public void ToName_UsesReportNames(OkrStatus status, string name)
    {
        Assert.Equal(name, OkrStatusNames.ToName(status));
    }
}
