using FsCheck.Xunit;
using Okr.Core.Tests.Arbitraries;

namespace Okr.Core.Tests.Scoring;

/// <summary>Laws of key result scores, weighted means, grades and statuses.</summary>
[Properties(Arbitrary = [typeof(OkrArbitraries)], MaxTest = 200)]
public class ScoringProperties
{
    private static double Score(KeyResultDefinition definition, decimal current)
        => KeyResult.Create("kr", "KR", definition, 1, [new CheckIn(D("2026-10-02"), current)]).Score(Mid).Score!.Value;

    private static int Rank(OkrStatus status) => status switch
    {
        OkrStatus.OffTrack or OkrStatus.Missed => 0,
        OkrStatus.AtRisk => 1,
        OkrStatus.OnTrack => 2,
        OkrStatus.Achieved or OkrStatus.Met => 3,
        _ => 10 + (int)status,
    };

    [Property]
    public bool Increase_ScoreInUnitInterval(MeasureCase c)
    {
        var s = Score(KeyResultDefinition.Increase(c.Baseline, c.Target), c.Current);
        return s is >= 0 and <= 1 && !double.IsNegative(s);
    }

    [Property]
    public bool Decrease_ScoreInUnitInterval(MeasureCase c)
    {
        var s = Score(KeyResultDefinition.Decrease(c.Target, c.Baseline), c.Current);
        return s is >= 0 and <= 1 && !double.IsNegative(s);
    }

    [Property]
    public bool Increase_MovingTowardTarget_NeverLowersScore(MeasureCase c)
    {
        var definition = KeyResultDefinition.Increase(c.Baseline, c.Target);
        return Score(definition, c.Closer) >= Score(definition, c.Current);
    }

    [Property]
    public bool Decrease_MovingTowardTarget_NeverLowersScore(MeasureCase c)
    {
        // Mirror the case: baseline -b, target -t (< -b), current -c moving to -closer.
        var definition = KeyResultDefinition.Decrease(-c.Baseline, -c.Target);
        return Score(definition, -c.Closer) >= Score(definition, -c.Current);
    }

    [Property]
    public void IncreaseAndDecrease_MirrorEachOther(MeasureCase c)
    {
        var up = KeyResult.Create("u", "U", KeyResultDefinition.Increase(c.Baseline, c.Target), 1, [new CheckIn(Mid, c.Current)]).Score(Mid);
        var down = KeyResult.Create("d", "D", KeyResultDefinition.Decrease(-c.Baseline, -c.Target), 1, [new CheckIn(Mid, -c.Current)]).Score(Mid);
        Assert.Equal(up.Attainment, down.Attainment);
        Assert.Equal(up.Score, down.Score);
    }

    [Property]
    public bool BinaryKinds_ScoreIsZeroOrOneAndInclusive(MeasureCase c)
    {
        var atLeast = Score(KeyResultDefinition.AtLeast(c.Baseline), c.Current);
        var atMost = Score(KeyResultDefinition.AtMost(c.Baseline), c.Current);
        var within = Score(KeyResultDefinition.Within(c.Baseline, c.Target), c.Current);
        return atLeast == (c.Current >= c.Baseline ? 1 : 0)
            && atMost == (c.Current <= c.Baseline ? 1 : 0)
            && within == (c.Current >= c.Baseline && c.Current <= c.Target ? 1 : 0);
    }

    private static double ObjectiveScore(IEnumerable<(int Permille, double Weight)> items)
    {
        var keyResults = items.Select((x, i) => KeyResult.Create("k" + i, "K", KeyResultDefinition.Increase(0, 1000), x.Weight, [new CheckIn(D("2026-10-02"), x.Permille)]));
        return Eval(Mid, Obj("o", keyResults)).ScoreOf("o")!.Value;
    }

    [Property]
    public bool WeightedMean_BetweenSmallestAndLargestInput(WeightedScores w)
    {
        var mean = ObjectiveScore(w.Permilles.Zip(w.Weights));
        return mean >= (w.Permilles.Min() / 1000.0) - 1e-12 && mean <= (w.Permilles.Max() / 1000.0) + 1e-12;
    }

    [Property]
    public void WeightedMean_IgnoresInputOrder(WeightedScores w)
    {
        var items = w.Permilles.Zip(w.Weights).ToArray();
        Assert.Equal(ObjectiveScore(items), ObjectiveScore(items.Reverse()), 12);
    }

    [Property]
    public void WeightedMean_IgnoresWeightScaling(WeightedScores w)
    {
        var items = w.Permilles.Zip(w.Weights).ToArray();
        Assert.Equal(ObjectiveScore(items), ObjectiveScore(items.Select(x => (x.First, x.Second * 3.7))), 12);
        Assert.Equal(ObjectiveScore(items), ObjectiveScore(items.Select(x => (x.First, x.Second * 4))));
    }

    [Property]
    public void WeightedMean_SingleInput_EqualsIt(WeightedScores w)
    {
        var score = w.Permilles[0] / 1000.0;
        Assert.Equal(score, ObjectiveScore([(w.Permilles[0], 1.0)]));
        Assert.Equal(score, ObjectiveScore([(w.Permilles[0], w.Weights[0])]), 15);
    }

    [Property]
    public bool Grade_DefaultScale_MonotoneInScore(ScorePair p)
    {
        string[] order = ["red", "yellow", "green"];
        return Array.IndexOf(order, GradingScale.Default.GradeOf(p.Low)) <= Array.IndexOf(order, GradingScale.Default.GradeOf(p.High));
    }

    [Property]
    public bool Grade_CustomScale_MonotoneInScore(ScorePair p, WeightedScores bandStarts)
    {
        var starts = bandStarts.Permilles.Select(x => x / 1000.0).Where(x => x > 0).Distinct().Order().ToArray();
        var bands = new[] { new GradeBand(0, "b0") }.Concat(starts.Select((s, i) => new GradeBand(s, "b" + (i + 1)))).ToArray();
        var scale = GradingScale.Create(bands);
        int Index(double s) => int.Parse(scale.GradeOf(s)[1..], System.Globalization.CultureInfo.InvariantCulture);
        return Index(p.Low) <= Index(p.High);
    }

    [Property]
    public bool Status_MonotoneInScoreForFixedDay(ScorePair p, AsOfDay day)
    {
        foreach (var target in new[] { 0.7, 1.0 })
        {
            var low = StatusRules.Decide(p.Low, false, Q4.Start, Q4.End, target, day.Day, OkrSettings.Default, null);
            var high = StatusRules.Decide(p.High, false, Q4.Start, Q4.End, target, day.Day, OkrSettings.Default, null);
            if (Rank(low) > Rank(high))
            {
                return false;
            }
        }

        return true;
    }

    [Property]
    public bool Status_KeyResultsWithSameConfidence_MonotoneInScore(ScorePair p, AsOfDay day, WeightedScores conf)
    {
        var confidence = conf.Permilles[0] % 11;
        OkrStatus StatusAt(double score) => EvalKr(
            KeyResult.Create("kr", "KR", KeyResultDefinition.Increase(0, 10000), 1, [new CheckIn(Q4.Start.AddDays(-40), (decimal)Math.Round(score * 10000), confidence)]),
            day.Day).Status;
        return Rank(StatusAt(p.Low)) <= Rank(StatusAt(p.High));
    }

    [Property]
    public bool Status_CommittedNeverBetterThanAspirational(ScorePair p, AsOfDay day)
    {
        var aspirational = StatusRules.Decide(p.Low, false, Q4.Start, Q4.End, 0.7, day.Day, OkrSettings.Default, null);
        var committed = StatusRules.Decide(p.Low, false, Q4.Start, Q4.End, 1.0, day.Day, OkrSettings.Default, null);
        return Rank(committed) <= Rank(aspirational);
    }

    [Property]
    public bool Clamp01_InRangeIdempotentNeverNegativeZero(double x)
    {
        var c = ScoreMath.Clamp01(x);
        return double.IsNaN(x) || (c is >= 0 and <= 1 && ScoreMath.Clamp01(c) == c && !double.IsNegative(c));
    }

    [Property]
    public void KeyResult_ScoredAloneEqualsFullEvaluation(AnyKeyResult k)
    {
        var alone = k.KeyResult.Score(k.AsOf);
        var full = EvalKr(k.KeyResult, k.AsOf);
        Assert.Equal(alone.Score, full.Score);
        Assert.Equal(alone.Attainment, full.Attainment);
        Assert.Equal(alone.Current, full.Current);
        Assert.Equal(alone.IsPending, full.IsPending);
        Assert.Equal(k.KeyResult.LatestCheckIn(k.AsOf)?.Confidence, full.Confidence);
    }

    [Property]
    public void KeyResult_CheckInOrderIrrelevantWhenDatesDiffer(AnyKeyResult k)
    {
        var distinct = k.KeyResult.CheckIns.DistinctBy(c => c.At).ToArray();
        var forward = KeyResult.Create("kr", "KR", k.KeyResult.Definition, 1, distinct).Score(k.AsOf);
        var backward = KeyResult.Create("kr", "KR", k.KeyResult.Definition, 1, distinct.Reverse()).Score(k.AsOf);
        Assert.Equal(forward, backward);
    }

    [Property]
    public bool KeyResult_ScoreInUnitIntervalForEveryKind(AnyKeyResult k)
    {
        var s = k.KeyResult.Score(k.AsOf).Score!.Value;
        return s is >= 0 and <= 1;
    }

    [Property]
    public bool Checklist_ShareNeverFallsAsDaysPass(AnyKeyResult k, AsOfDay day)
    {
        return k.KeyResult.Kind != KeyResultKind.Checklist || k.KeyResult.Score(day.Day).Score <= k.KeyResult.Score(day.Later).Score;
    }
}
