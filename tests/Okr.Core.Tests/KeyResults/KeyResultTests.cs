namespace Okr.Core.Tests.KeyResults;

/// <summary>Spec section 3: current value, attainment and score of each kind, as of the end of a day.</summary>
public class KeyResultTests
{
    private static KeyResultScore ScoreOf(KeyResultDefinition definition, params CheckIn[] checkIns)
        => Kr("kr", definition, 1, checkIns).Score(Mid);

    [Fact]
    public void Score_Increase_IsShareOfTheWay()
    {
        var s = ScoreOf(KeyResultDefinition.Increase(10, 20), C("2026-11-01", 14));
        Assert.Equal((decimal?)14m, s.Current);
        Assert.Equal(0.4, s.Attainment);
        Assert.Equal(0.4, s.Score);
        Assert.False(s.IsPending);
    }

    [Fact]
    public void Score_Decrease_SignsMakeItWork()
    {
        var s = ScoreOf(KeyResultDefinition.Decrease(2.0m, 0.5m), C("2026-11-01", 1.25m));
        Assert.Equal(0.5, s.Attainment);
        Assert.Equal(0.5, s.Score);
    }

    [Fact]
    public void Score_IncreaseOvershoot_AttainmentAboveOneScoreClampsTo1()
    {
        var s = ScoreOf(KeyResultDefinition.Increase(10, 20), C("2026-11-01", 25));
        Assert.Equal(1.5, s.Attainment);
        Assert.Equal(1.0, s.Score);
    }

    [Fact]
    public void Score_IncreaseWrongDirection_AttainmentBelowZeroScoreClampsTo0()
    {
        var s = ScoreOf(KeyResultDefinition.Increase(10, 20), C("2026-11-01", 5));
        Assert.Equal(-0.5, s.Attainment);
        Assert.Equal(0.0, s.Score);
        Assert.False(double.IsNegative(s.Score!.Value));
    }

    [Fact]
    public void Score_DecreaseOvershoot_ClampsTo1()
    {
        var s = ScoreOf(KeyResultDefinition.Decrease(2.0m, 0.5m), C("2026-11-01", 0));
        Assert.Equal(1.3333333333333333, s.Attainment);
        Assert.Equal(1.0, s.Score);
    }

    [Fact]
    public void Score_DecreaseWrongDirection_ClampsTo0()
    {
        var s = ScoreOf(KeyResultDefinition.Decrease(2.0m, 0.5m), C("2026-11-01", 3.5m));
        Assert.Equal(-1.0, s.Attainment);
        Assert.Equal(0.0, s.Score);
    }

    [Fact]
    public void Score_DecreaseNoCheckIn_CurrentIsBaselineAttainmentPositiveZero()
    {
        var s = ScoreOf(KeyResultDefinition.Decrease(2.0m, 0.5m));
        Assert.Equal("2.0", s.Current!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0.0, s.Attainment);
        Assert.False(double.IsNegative(s.Attainment!.Value));
        Assert.True(s.IsPending);
    }

    [Fact]
    public void Score_IncreaseNoCheckIn_CurrentIsBaselineAndPending()
    {
        var s = ScoreOf(KeyResultDefinition.Increase(31, 45));
        Assert.Equal((decimal?)31m, s.Current);
        Assert.Equal(0.0, s.Score);
        Assert.True(s.IsPending);
    }

    [Fact]
    public void Score_Attainment_IsExactDecimalQuotientConvertedOnce()
    {
        var s = ScoreOf(KeyResultDefinition.Increase(31, 45), C("2026-10-08", 33));
        Assert.Equal(0.14285714285714285, s.Attainment);
        Assert.Equal(1.0 / 7, s.Attainment);
    }

    [Theory]
    [InlineData(40, 1.0)]
    [InlineData(40.0001, 1.0)]
    [InlineData(39.9999, 0.0)]
    public void Score_AtLeast_IsInclusive(double value, double expected)
    {
        Assert.Equal(expected, ScoreOf(KeyResultDefinition.AtLeast(40), C("2026-11-01", (decimal)value)).Score);
    }

    [Theory]
    [InlineData(0.5, 1.0)]
    [InlineData(0.4999, 1.0)]
    [InlineData(0.5001, 0.0)]
    public void Score_AtMost_IsInclusive(double value, double expected)
    {
        Assert.Equal(expected, ScoreOf(KeyResultDefinition.AtMost(0.5m), C("2026-11-01", (decimal)value)).Score);
    }

    [Theory]
    [InlineData(1, 1.0)]
    [InlineData(3, 1.0)]
    [InlineData(2, 1.0)]
    [InlineData(0.999, 0.0)]
    [InlineData(3.001, 0.0)]
    public void Score_Within_IsInclusiveAtBothEnds(double value, double expected)
    {
        Assert.Equal(expected, ScoreOf(KeyResultDefinition.Within(1, 3), C("2026-11-01", (decimal)value)).Score);
    }

    [Theory]
    [MemberData(nameof(BinaryKinds))]
    public void Score_BinaryKindWithoutCheckIn_CurrentNoneScoreZeroPending(KeyResultDefinition definition)
    {
        var s = ScoreOf(definition);
        Assert.Null(s.Current);
        Assert.Equal(0.0, s.Attainment);
        Assert.Equal(0.0, s.Score);
        Assert.True(s.IsPending);
    }

    public static TheoryData<KeyResultDefinition> BinaryKinds() =>
        new() { KeyResultDefinition.AtLeast(40), KeyResultDefinition.AtMost(1), KeyResultDefinition.Within(1, 3) };

    [Fact]
    public void Score_MilestoneWithoutCheckIn_CurrentZero()
    {
        var s = ScoreOf(KeyResultDefinition.Milestone());
        Assert.Equal((decimal?)0m, s.Current);
        Assert.Equal(0.0, s.Score);
        Assert.True(s.IsPending);
    }

    [Fact]
    public void Score_MilestoneDone_IsOne()
    {
        Assert.Equal(1.0, ScoreOf(KeyResultDefinition.Milestone(), C("2026-10-02", 0), C("2026-10-09", 1)).Score);
    }

    [Fact]
    public void Score_MilestoneUndone_LatestWins()
    {
        Assert.Equal(0.0, ScoreOf(KeyResultDefinition.Milestone(), C("2026-10-02", 1), C("2026-10-09", 0)).Score);
    }

    [Fact]
    public void Score_Checklist_WeightedShareDone()
    {
        var s = ScoreOf(KeyResultDefinition.Checklist(new ChecklistItem("a", 1, D("2026-10-20")), new ChecklistItem("b", 2)));
        Assert.Equal(0.3333333333333333, s.Score);
        Assert.Equal(0.3333333333333333, s.Attainment);
        Assert.False(s.IsPending);
    }

    [Fact]
    public void Score_ChecklistItemDoneAfterAsOf_DoesNotCount()
    {
        var kr = Kr("kr", KeyResultDefinition.Checklist(new ChecklistItem("a", 1, D("2026-11-16")), new ChecklistItem("b", 3, D("2026-11-15"))));
        Assert.Equal(0.75, kr.Score(Mid).Score);
        Assert.Equal(1.0, kr.Score(D("2026-11-16")).Score);
        Assert.Equal(0.0, kr.Score(D("2026-11-14")).Score);
    }

    [Fact]
    public void Score_ChecklistNothingDone_IsScoredNotPending()
    {
        var s = ScoreOf(KeyResultDefinition.Checklist(new ChecklistItem("a")));
        Assert.Equal(0.0, s.Score);
        Assert.False(s.IsPending);
    }

    [Fact]
    public void Score_ChecklistZeroWeightItemDone_AddsNothing()
    {
        var s = ScoreOf(KeyResultDefinition.Checklist(new ChecklistItem("a", 0, D("2026-10-02")), new ChecklistItem("b", 1)));
        Assert.Equal(0.0, s.Score);
    }

    [Fact]
    public void Score_TwoCheckInsOneDay_LaterInListWins()
    {
        var s = ScoreOf(KeyResultDefinition.Increase(0, 10), C("2026-11-01", 3), C("2026-11-01", 7), C("2026-10-01", 9));
        Assert.Equal((decimal?)7m, s.Current);
        Assert.Equal(0.7, s.Score);
    }

    [Fact]
    public void Score_CheckInAfterAsOf_IsIgnored()
    {
        var kr = Inc("kr", 0, 10, C("2026-11-01", 3), C("2026-11-16", 9));
        Assert.Equal((decimal?)3m, kr.Score(Mid).Current);
        Assert.Equal((decimal?)9m, kr.Score(D("2026-11-16")).Current);
    }

    [Fact]
    public void Score_CheckInsOutOfOrder_LatestDateWinsNotLastInList()
    {
        var kr = Inc("kr", 0, 10, C("2026-11-10", 6), C("2026-10-01", 2));
        Assert.Equal((decimal?)6m, kr.Score(Mid).Current);
    }

    [Fact]
    public void Score_AllCheckInsAfterAsOf_BehavesAsNone()
    {
        var s = Inc("kr", 5, 10, C("2026-12-01", 9)).Score(Mid);
        Assert.Equal((decimal?)5m, s.Current);
        Assert.True(s.IsPending);
    }

    [Fact]
    public void Score_RollupMeanAlone_IsUnscored()
    {
        var s = ScoreOf(KeyResultDefinition.RollupMean());
        Assert.Null(s.Score);
        Assert.Null(s.Attainment);
        Assert.Null(s.Current);
        Assert.True(s.IsPending);
    }

    [Fact]
    public void Score_RollupSumAlone_IsBaseline()
    {
        var s = ScoreOf(KeyResultDefinition.RollupSum(3, 13));
        Assert.Equal((decimal?)3m, s.Current);
        Assert.Equal(0.0, s.Score);
        Assert.True(s.IsPending);
    }

    [Fact]
    public void LatestCheckIn_TieOnDay_ReturnsLaterOne()
    {
        var kr = Inc("kr", 0, 10, C("2026-11-01", 3, 2), C("2026-11-01", 4, 8));
        Assert.Equal(8, kr.LatestCheckIn(Mid)!.Value.Confidence);
        Assert.Null(kr.LatestCheckIn(D("2026-10-31")));
    }

    [Fact]
    public void WithCheckIn_ReturnsNewValueAndLeavesOriginal()
    {
        var kr = Inc("kr", 0, 10);
        var updated = kr.WithCheckIn(C("2026-11-01", 5));
        Assert.Empty(kr.CheckIns);
        Assert.Single(updated.CheckIns);
        Assert.Equal(0.5, updated.Score(Mid).Score);
    }

    [Fact]
    public void WithWeight_ChangesOnlyWeight()
    {
        var kr = Inc("kr", 0, 10, C("2026-11-01", 5)).WithWeight(3);
        Assert.Equal(3.0, kr.Weight);
        Assert.Equal(0.5, kr.Score(Mid).Score);
    }

    [Fact]
    public void Equality_IsByValue()
    {
        Assert.Equal(Inc("kr", 0, 10, C("2026-11-01", 5)), Inc("kr", 0, 10, C("2026-11-01", 5)));
        Assert.NotEqual(Inc("kr", 0, 10, C("2026-11-01", 5)), Inc("kr", 0, 10, C("2026-11-01", 6)));
    }
}
