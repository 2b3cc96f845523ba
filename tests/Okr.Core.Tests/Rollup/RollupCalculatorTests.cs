using System.Globalization;

namespace Okr.Core.Tests.Rollup;

/// <summary>Spec section 5: what counts toward a score, mean and sum rollups, pending propagation.</summary>
public class RollupCalculatorTests
{
    private static AlignmentLink ToO(string id, double weight = 1) => AlignmentLink.ToObjective(id, weight);

    private static AlignmentLink ToK(string id, double weight = 1) => AlignmentLink.ToKeyResult(id, weight);

    [Fact]
    public void ProgressFromKeyResults_ChildLinkIsAlignmentOnly()
    {
        var e = Eval(Mid, Obj("p", [Pct("pk", 40)]), Obj("c", [Pct("ck", 100)], alignsTo: ToO("p")));
        Assert.Equal(0.4, e.ScoreOf("p"));
    }

    [Fact]
    public void ProgressFromChildren_OwnKeyResultsIgnored()
    {
        var e = Eval(Mid, Obj("p", [Pct("pk", 40)], ProgressSource.Children), Obj("c", [Pct("ck", 100)], alignsTo: ToO("p")));
        Assert.Equal(1.0, e.ScoreOf("p"));
    }

    [Fact]
    public void ProgressFromBoth_KeyResultsThenChildrenWeighted()
    {
        var e = Eval(Mid,
            Obj("p", [Pct("pk", 40)], ProgressSource.Both),
            Obj("c1", [Pct("k1", 100)], alignsTo: ToO("p", 2)),
            Obj("c2", [Pct("k2", 10)], alignsTo: ToO("p")));
        Assert.Equal((0.4 + (2 * 1.0) + 0.1) / 4, e.ScoreOf("p"));
    }

    [Fact]
    public void ProgressFromChildren_NoChildren_Unscored()
    {
        var e = Eval(Mid, Obj("p", [Pct("pk", 40)], ProgressSource.Children));
        var p = e.Objective("p");
        Assert.Null(p.Score);
        Assert.Null(p.Grade);
        Assert.Equal(OkrStatus.Pending, p.Status);
    }

    [Fact]
    public void ProgressFromKeyResults_NoKeyResults_UnscoredAndPendingEvenAfterEnd()
    {
        var e = Eval(AfterEnd, Obj("p"));
        Assert.Null(e.ScoreOf("p"));
        Assert.Equal(OkrStatus.Pending, e.StatusOf("p"));
    }

    [Fact]
    public void WeightZeroLink_NotCounted()
    {
        var e = Eval(Mid, Obj("p", [Pct("pk", 40)], ProgressSource.Both), Obj("c", [Pct("ck", 100)], alignsTo: ToO("p", 0)));
        Assert.Equal(0.4, e.ScoreOf("p"));
        Assert.Single(e.Explain("p").Contributions);
    }

    [Fact]
    public void WeightZeroKeyResult_NotCounted()
    {
        var e = Eval(Mid, Obj("p", [Pct("a", 40), Pct("b", 100, 0)]));
        Assert.Equal(0.4, e.ScoreOf("p"));
        Assert.Equal(1.0, e.ScoreOf("b"));
    }

    [Fact]
    public void OnlyWeightZeroKeyResults_Unscored()
    {
        Assert.Null(Eval(Mid, Obj("p", [Pct("a", 40, 0)])).ScoreOf("p"));
    }

    [Fact]
    public void UnscoredChild_NotCounted()
    {
        var e = Eval(Mid, Obj("p", [Pct("pk", 40)], ProgressSource.Both), Obj("c", alignsTo: ToO("p")));
        Assert.Equal(0.4, e.ScoreOf("p"));
    }

    [Fact]
    public void LinkToNonRollupKeyResult_DoesNotCount()
    {
        var e = Eval(Mid, Obj("p", [Pct("pk", 40)]), Obj("c", [Pct("ck", 100, 1, null, ToK("pk"))]));
        Assert.Equal(0.4, e.ScoreOf("pk"));
    }

    [Fact]
    public void RollupMean_WeightedMeanOverObjectivesAndKeyResults()
    {
        var e = Eval(Mid,
            Obj("p", [Kr("r", KeyResultDefinition.RollupMean())]),
            Obj("c", [Pct("ck", 20, 1, null, ToK("r", 3))], alignsTo: ToK("r")),
            Obj("d", [Pct("dk", 100, 1, null, ToK("r", 0))]));
        // c (0.2, weight 1), ck (0.2, weight 3); dk has link weight 0.
        var r = e.KeyResult("r");
        Assert.Equal(0.2, r.Score!.Value, 15);
        Assert.Equal(r.Score, r.Attainment);
        Assert.Null(r.Current);
        Assert.Null(r.Confidence);
        Assert.Null(r.LastCheckIn);
        Assert.Equal(r.Score, e.ScoreOf("p"));
    }

    [Fact]
    public void RollupMean_NoContributors_UnscoredAndPending()
    {
        var e = Eval(Mid, Obj("p", [Kr("r", KeyResultDefinition.RollupMean()), Pct("k", 50)]));
        var r = e.KeyResult("r");
        Assert.Null(r.Score);
        Assert.Null(r.Grade);
        Assert.Null(r.Attainment);
        Assert.True(r.IsPending);
        Assert.Equal(OkrStatus.Pending, r.Status);
        Assert.Equal(0.5, e.ScoreOf("p"));
    }

    [Fact]
    public void RollupMean_AllContributorsPending_Pending()
    {
        var e = Eval(Mid, Obj("p", [Kr("r", KeyResultDefinition.RollupMean())]), Obj("c", [Kr("ck", KeyResultDefinition.Increase(0, 1), 1).WithAlignsTo([ToK("r")])]));
        Assert.Equal(0.0, e.ScoreOf("r"));
        Assert.Equal(OkrStatus.Pending, e.StatusOf("r"));
        Assert.Equal(OkrStatus.Pending, e.StatusOf("p"));
    }

    [Fact]
    public void RollupSum_AddsCurrentValuesKeepingLargerScale()
    {
        var e = Eval(Mid,
            Obj("p", [Kr("s", KeyResultDefinition.RollupSum(0, 10))]),
            Obj("c", [
                Kr("a", KeyResultDefinition.Increase(0, 5), 1, C("2026-10-02", 1.0m)).WithAlignsTo([ToK("s", 2)]),
                Kr("b", KeyResultDefinition.AtMost(9), 1, C("2026-10-02", 2.00m)).WithAlignsTo([ToK("s")]),
                Kr("x", KeyResultDefinition.AtLeast(9)).WithAlignsTo([ToK("s")]),
                Kr("z", KeyResultDefinition.Increase(0, 5), 1, C("2026-10-02", 100m)).WithAlignsTo([ToK("s", 0)]),
            ]));
        var s = e.KeyResult("s");
        Assert.Equal("3.00", s.Current!.Value.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(0.3, s.Attainment);
        Assert.Equal(0.3, s.Score);
        Assert.False(s.IsPending);
    }

    [Fact]
    public void RollupSum_NoContributorWithCurrent_BaselineAndPending()
    {
        var e = Eval(Mid,
            Obj("p", [Kr("s", KeyResultDefinition.RollupSum(4, 10))]),
            Obj("c", [Kr("x", KeyResultDefinition.AtLeast(9)).WithAlignsTo([ToK("s")])]));
        var s = e.KeyResult("s");
        Assert.Equal((decimal?)4m, s.Current);
        Assert.Equal(0.0, s.Score);
        Assert.Equal(OkrStatus.Pending, s.Status);
    }

    [Fact]
    public void RollupSum_OfRollupSum_Nests()
    {
        var e = Eval(Mid,
            Obj("p", [Kr("top", KeyResultDefinition.RollupSum(0, 20)), Kr("mid", KeyResultDefinition.RollupSum(0, 10), 1).WithAlignsTo([ToK("top")])]),
            Obj("c", [Kr("a", KeyResultDefinition.Increase(0, 5), 1, C("2026-10-02", 5)).WithAlignsTo([ToK("mid")])]));
        Assert.Equal((decimal?)5m, e.KeyResult("top").Current);
        Assert.Equal(0.25, e.ScoreOf("top"));
    }

    [Fact]
    public void RollupSum_NegativeContributors_CanGoBelowBaseline()
    {
        var e = Eval(Mid,
            Obj("p", [Kr("s", KeyResultDefinition.RollupSum(0, 10))]),
            Obj("c", [Kr("a", KeyResultDefinition.Increase(-10, 5), 1, C("2026-10-02", -4)).WithAlignsTo([ToK("s")])]));
        Assert.Equal(-0.4, e.KeyResult("s").Attainment);
        Assert.Equal(0.0, e.ScoreOf("s"));
    }

    /// <summary>
    /// Sum rollup "s" (baseline 0, target decimal.MaxValue) of one increase key result per value, in order, each
    /// checked in at its value: its current value is their sum.
    /// </summary>
    private static OkrEvaluation SumOfValues(params decimal[] values)
    {
        var max = decimal.MaxValue;
        return Eval(Mid,
            Obj("p", [Kr("s", KeyResultDefinition.RollupSum(0, max))]),
            Obj("c", [.. values.Select((value, i) => Kr($"k{i + 1}", KeyResultDefinition.Increase(-max, max), 1, C("2026-10-02", value)).WithAlignsTo([ToK("s")]))]));
    }

    [Fact]
    public void RollupSum_PartialSumBeyondDecimalRange_TotalIsStillExact()
    {
        // MaxValue + MaxValue leaves decimal's range; minus MaxValue it is back in it: the total is MaxValue.
        var max = decimal.MaxValue;
        var e = SumOfValues(max, max, -max);

        Assert.Equal((decimal?)max, e.KeyResult("s").Current);
        Assert.Equal(1.0, e.KeyResult("s").Attainment);
        Assert.Equal(OkrStatus.Achieved, e.StatusOf("s"));
    }

    [Theory]
    [InlineData("7000000000000000000000000000", "0.149", "7000000000000000000000000000.1")] // not .15 then .2
    [InlineData("9000000000000000000000000000", "0.51", "9000000000000000000000000001")] // not .5 then ...000
    [InlineData("7000000000000000000000000000", "0.15", "7000000000000000000000000000.2")] // a tie: to even
    [InlineData("7000000000000000000000000000", "0.25", "7000000000000000000000000000.2")]
    [InlineData("-7000000000000000000000000000", "-0.149", "-7000000000000000000000000000.1")]
    [InlineData("79228162514264337593543950335", "-0.5", "79228162514264337593543950334")] // .5 does not fit: ties to even at scale 0
    public void RollupSum_TotalWithMoreDigitsThanADecimal_RoundedOnceHalfToEven(string first, string second, string expected)
    {
        // The exact sum has more digits than a decimal holds: it keeps the most decimal places that fit, rounded once
        // from the exact sum.
        var e = SumOfValues(decimal.Parse(first, CultureInfo.InvariantCulture), decimal.Parse(second, CultureInfo.InvariantCulture));

        var current = e.KeyResult("s").Current!.Value;
        Assert.Equal(expected, current.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void RollupSum_TotalBeyondDecimalRange_Saturates()
    {
        var max = decimal.MaxValue;
        var e = Eval(Mid,
            Obj("p", [Kr("s", KeyResultDefinition.RollupSum(0, 10))]),
            Obj("c", [
                Kr("a", KeyResultDefinition.Increase(0, max), 1, C("2026-10-02", max)).WithAlignsTo([ToK("s")]),
                Kr("b", KeyResultDefinition.Increase(0, max), 1, C("2026-10-02", 1)).WithAlignsTo([ToK("s")]),
            ]));

        Assert.Equal((decimal?)max, e.KeyResult("s").Current);
        Assert.Equal(1.0, e.ScoreOf("s"));
    }

    [Fact]
    public void WeightsWhoseTotalOverflows_GiveTheSameMeanAsWeightsOfOne()
    {
        var e = Eval(Mid, Obj("p", [Pct("a", 100, 1e308), Pct("b", 50, 1e308)]), Obj("q", [Pct("c", 100, 1e308), Pct("d", 50, 1e308)], ProgressSource.Both, alignsTo: ToO("p", 1e308)));

        Assert.Equal(0.75, e.ScoreOf("q"));
        Assert.Equal(0.75, e.ScoreOf("p"));
        var shares = e.Explain("p").Contributions;
        Assert.Equal(0.75, shares.Sum(c => c.Share), 14);
        Assert.All(shares, c => Assert.True(c.Share > 0));
    }

    [Fact]
    public void TinyWeights_AreAddedInDoublesAsTheSpecSays()
    {
        // 5e-324 * 0.5 rounds to 0 in double, so sum(w*s) / sum(w) is (5e-324 + 0) / 1e-323 = 0.5, not the 0.75 of
        // weights of one: the spec's formula still has a value here, and it is kept (docs/decisions.md).
        var e = Eval(Mid, Obj("p", [Pct("a", 100, 5e-324), Pct("b", 50, 5e-324)]));

        Assert.Equal(0.5, e.ScoreOf("p"));
        Assert.Equal([0.5, 0.0], e.Explain("p").Contributions.Select(c => c.Share));
    }

    [Theory]
    [InlineData(1e308)] // the total overflows: the weights are rescaled
    [InlineData(5e-324)] // sums of subnormal weights are exact, so the share is too
    public void ChecklistWeightsBeyondPlainDoubleRange_ShareAsWithWeightsOfOne(double weight)
    {
        var checklist = Kr("k", KeyResultDefinition.Checklist(new ChecklistItem("a", weight, D("2026-10-02")), new ChecklistItem("b", weight), new ChecklistItem("c", weight)));

        Assert.Equal(1.0 / 3, checklist.Score(Mid).Attainment);
        Assert.Equal(1.0 / 3, Eval(Mid, Obj("p", [checklist])).KeyResult("k").Attainment);
    }

    public static TheoryData<string> BadSumContributors() => new() { "milestone", "checklist", "mean", "objective" };

    [Theory]
    [MemberData(nameof(BadSumContributors))]
    public void RollupSum_ContributorOfWrongKind_Okr006OnTheRollupNamingContributor(string what)
    {
        var sum = Kr("s", KeyResultDefinition.RollupSum(0, 10));
        Objective child = what switch
        {
            "milestone" => Obj("c", [Kr("bad", KeyResultDefinition.Milestone()).WithAlignsTo([ToK("s")])]),
            "checklist" => Obj("c", [Kr("bad", KeyResultDefinition.Checklist(new ChecklistItem("i"))).WithAlignsTo([ToK("s")])]),
            "mean" => Obj("c", [Kr("bad", KeyResultDefinition.RollupMean()).WithAlignsTo([ToK("s")])]),
            _ => Obj("bad", alignsTo: ToK("s")),
        };
        var finding = Single(Set(Obj("p", [sum]), child).TryEvaluate(Mid), OkrCodes.InvalidKeyResult);
        Assert.Equal("s", finding.Subject);
        Assert.Contains("'bad'", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ChildObjectivePending_ParentFromChildrenPending()
    {
        var e = Eval(Mid, Obj("p", progressFrom: ProgressSource.Children), Obj("c", [Inc("ck", 0, 10)], alignsTo: ToO("p")));
        Assert.Equal(0.0, e.ScoreOf("p"));
        Assert.Equal(OkrStatus.Pending, e.StatusOf("c"));
        Assert.Equal(OkrStatus.Pending, e.StatusOf("p"));
        Assert.True(e.Objective("p").IsPending);
    }

    [Fact]
    public void ChildObjectivePendingButOwnKeyResultMeasured_ParentNotPending()
    {
        var e = Eval(Mid, Obj("p", [Pct("pk", 50)], ProgressSource.Both), Obj("c", [Inc("ck", 0, 10)], alignsTo: ToO("p")));
        Assert.Equal(0.25, e.ScoreOf("p"));
        Assert.False(e.Objective("p").IsPending);
        Assert.Equal(OkrStatus.OnTrack, e.StatusOf("p"));
    }

    [Fact]
    public void SharedChild_CountsInEveryParent()
    {
        var e = Eval(Mid,
            Obj("p1", progressFrom: ProgressSource.Children),
            Obj("p2", progressFrom: ProgressSource.Children),
            Obj("c", [Pct("ck", 60)], alignsTo: [ToO("p1"), ToO("p2")]));
        Assert.Equal(0.6, e.ScoreOf("p1"));
        Assert.Equal(0.6, e.ScoreOf("p2"));
    }

    [Fact]
    public void ChildListedAfterParentOrBefore_SameScore()
    {
        var before = Eval(Mid, Obj("c", [Pct("ck", 60)], alignsTo: ToO("p")), Obj("p", [Pct("pk", 20)], ProgressSource.Both));
        var after = Eval(Mid, Obj("p", [Pct("pk", 20)], ProgressSource.Both), Obj("c", [Pct("ck", 60)], alignsTo: ToO("p")));
        Assert.Equal(after.ScoreOf("p"), before.ScoreOf("p"));
        Assert.Equal(0.4, after.ScoreOf("p")!.Value, 15);
    }

    [Fact]
    public void Explain_SharesAddUpToScore()
    {
        var e = Eval(Mid, Obj("p", [Pct("a", 13, 3), Pct("b", 71, 0.5), Pct("c", 97, 2)]));
        var x = e.Explain("p");
        Assert.Equal(3, x.Contributions.Count);
        Assert.Equal(x.Score!.Value, x.Contributions.Sum(c => c.Share), 14);
    }

    [Fact]
    public void Explain_PlainKeyResult_HasNoContributions()
    {
        Assert.Empty(Eval(Mid, Obj("p", [Pct("a", 13)])).Explain("a").Contributions);
    }
}
