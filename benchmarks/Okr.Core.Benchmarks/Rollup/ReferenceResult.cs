namespace Okr.Core.Benchmarks.Rollup;

/// <summary>One item's result in the reference implementations: score (null when unscored), grade, status.</summary>
public sealed record ReferenceResult(double? Score, string? Grade, OkrStatus Status, bool Pending, decimal? Current);

/// <summary>
/// The spec's formulas written the straightforward way (LINQ, nullable decimals, the records of the object model),
/// shared by <see cref="NaiveEvaluator"/> and <see cref="QuikGraphEvaluator"/>. Only the default "pace" objective
/// status is implemented; the benchmark organisation uses default settings.
/// </summary>
public static class ReferenceScoring
{
    public static ReferenceResult KeyResult(KeyResult keyResult, Objective objective, Period period, OkrSettings settings, DateOnly asOf)
    {
        var latest = keyResult.CheckIns
            .Select((checkIn, index) => (checkIn, index))
            .Where(c => c.checkIn.At <= asOf)
            .OrderBy(c => c.checkIn.At)
            .ThenBy(c => c.index)
            .Select(c => (CheckIn?)c.checkIn)
            .LastOrDefault();
        var definition = keyResult.Definition;
        var value = latest?.Value;
        decimal? current;
        double attainment;
        switch (keyResult.Kind)
        {
            case KeyResultKind.Increase:
            case KeyResultKind.Decrease:
                current = value ?? definition.Baseline!.Value;
                attainment = Ratio(current.Value, definition.Baseline!.Value, definition.Target!.Value);
                break;
            case KeyResultKind.AtLeast:
                current = value;
                attainment = value >= definition.Threshold ? 1 : 0;
                break;
            case KeyResultKind.AtMost:
                current = value;
                attainment = value <= definition.Threshold ? 1 : 0;
                break;
            case KeyResultKind.Within:
                current = value;
                attainment = value >= definition.Min && value <= definition.Max ? 1 : 0;
                break;
            case KeyResultKind.Milestone:
                current = value ?? 0;
                attainment = current == 1 ? 1 : 0;
                break;
            default:
                var total = definition.Items.Sum(i => i.Weight);
                var done = definition.Items.Where(i => i.IsDoneAsOf(asOf)).Sum(i => i.Weight);
                return Result(null, done / total + 0.0, pending: false, objective, period, settings, asOf, null);
        }

        return Result(current, attainment, pending: latest is null, objective, period, settings, asOf, latest?.Confidence);
    }

    /// <summary>A weighted mean of (weight, result) pairs, in order: an objective or a mean rollup.</summary>
    public static ReferenceResult Mean(IEnumerable<(double Weight, ReferenceResult Result)> inputs, Objective objective, Period period, OkrSettings settings, DateOnly asOf)
    {
        var scored = inputs.Where(i => i.Weight > 0 && i.Result.Score is not null).ToList();
        double weighted = 0;
        double total = 0;
        foreach (var (weight, result) in scored)
        {
            weighted += weight * result.Score!.Value;
            total += weight;
        }

        double? score = total > 0 ? weighted / total + 0.0 : null;
        var pending = scored.All(i => i.Result.Pending);
        return new ReferenceResult(score, Grade(score, settings), Status(score, pending, objective, period, settings, asOf, null), pending, null);
    }

    /// <summary>A sum rollup: the contributors' current values added up; the baseline when none has one.</summary>
    public static ReferenceResult Sum(KeyResult keyResult, IEnumerable<(double Weight, ReferenceResult Result)> inputs, Objective objective, Period period, OkrSettings settings, DateOnly asOf)
    {
        var counted = inputs.Where(i => i.Weight > 0 && i.Result.Current is not null).ToList();
        var baseline = keyResult.Definition.Baseline!.Value;
        var current = counted.Count == 0 ? baseline : counted.Sum(i => i.Result.Current!.Value);
        var attainment = Ratio(current, baseline, keyResult.Definition.Target!.Value);
        var result = Result(current, attainment, counted.All(i => i.Result.Pending), objective, period, settings, asOf, null);
        return result;
    }

    /// <summary>The exact quotient, converted once (and correctly rounded) to double.</summary>
    private static double Ratio(decimal current, decimal baseline, decimal target) => ScoreMath.ToDouble((current - baseline) / (target - baseline)) + 0.0;

    private static ReferenceResult Result(decimal? current, double attainment, bool pending, Objective objective, Period period, OkrSettings settings, DateOnly asOf, int? confidence)
    {
        var score = ScoreMath.Clamp01(attainment);
        return new ReferenceResult(score, Grade(score, settings), Status(score, pending, objective, period, settings, asOf, confidence), pending, current);
    }

    private static string? Grade(double? score, OkrSettings settings) => score is { } s ? settings.Scale.GradeOf(s) : null;

    private static OkrStatus Status(double? score, bool pending, Objective objective, Period period, OkrSettings settings, DateOnly asOf, int? confidence)
    {
        var target = settings.SuccessTarget(objective.Commitment);
        if (asOf < period.Start)
        {
            return OkrStatus.NotStarted;
        }

        if (score is not { } x)
        {
            return OkrStatus.Pending;
        }

        if (asOf > period.End)
        {
            return x >= target - ScoreMath.Tolerance ? OkrStatus.Met : OkrStatus.Missed;
        }

        if (pending)
        {
            return OkrStatus.Pending;
        }

        if (x >= 1 - ScoreMath.Tolerance)
        {
            return OkrStatus.Achieved;
        }

        var gap = x - (period.ElapsedAsOf(asOf) * target);
        var status = gap >= -settings.OnTrackGap - ScoreMath.Tolerance ? OkrStatus.OnTrack
            : gap >= -settings.AtRiskGap - ScoreMath.Tolerance ? OkrStatus.AtRisk
            : OkrStatus.OffTrack;
        return status == OkrStatus.OnTrack && confidence <= settings.LowConfidence ? OkrStatus.AtRisk : status;
    }
}
