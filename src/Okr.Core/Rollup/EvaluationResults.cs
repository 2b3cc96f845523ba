namespace Okr.Core;

/// <summary>A key result as of a day: measurement, score, grade and status.</summary>
/// <param name="Id">The key result's id.</param>
/// <param name="ObjectiveId">Its objective's id.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="Current">
/// Current value (latest check-in, baseline, or a sum of contributors) with its decimal scale; null when none
/// exists (atLeast/atMost/within without check-in, rollup mean, checklist: a checklist's done share is its <paramref name="Attainment"/>).
/// </param>
/// <param name="Attainment">Unclamped attainment; null only for an unscored rollup mean.</param>
/// <param name="Score">The score in [0, 1]; null when unscored.</param>
/// <param name="Grade">The grade label of the score; null when unscored.</param>
/// <param name="Status">The status (spec section 6).</param>
/// <param name="IsPending">Whether no measurement exists yet as of the day.</param>
/// <param name="Confidence">The latest check-in's confidence; null when it has none.</param>
/// <param name="LastCheckIn">The latest check-in's day; null when none.</param>
public sealed record KeyResultEvaluation(
    string Id,
    string ObjectiveId,
    KeyResultKind Kind,
    decimal? Current,
    double? Attainment,
    double? Score,
    string? Grade,
    OkrStatus Status,
    bool IsPending,
    int? Confidence,
    DateOnly? LastCheckIn)
{
    /// <summary>The key result's id.</summary>
    public string Id { get; } = Id;

    /// <summary>Its objective's id.</summary>
    public string ObjectiveId { get; } = ObjectiveId;

    /// <summary>Its kind.</summary>
    public KeyResultKind Kind { get; } = Kind;

    /// <summary>Current value (latest check-in, baseline, or a sum of contributors) with its decimal scale; null when none exists (atLeast/atMost/within without check-in, rollup mean, checklist: a checklist's done share is its <see cref="Attainment"/>).</summary>
    public decimal? Current { get; } = Current;

    /// <summary>Unclamped attainment; null only for an unscored rollup mean.</summary>
    public double? Attainment { get; } = Attainment;

    /// <summary>The score in [0, 1]; null when unscored.</summary>
    public double? Score { get; } = Score;

    /// <summary>The grade label of the score; null when unscored.</summary>
    public string? Grade { get; } = Grade;

    /// <summary>The status (spec section 6).</summary>
    public OkrStatus Status { get; } = Status;

    /// <summary>Whether no measurement exists yet as of the day.</summary>
    public bool IsPending { get; } = IsPending;

    /// <summary>The latest check-in's confidence; null when it has none.</summary>
    public int? Confidence { get; } = Confidence;

    /// <summary>The latest check-in's day; null when none.</summary>
    public DateOnly? LastCheckIn { get; } = LastCheckIn;
}

/// <summary>An objective as of a day: score, grade, status, pace and its key results.</summary>
/// <param name="Id">The objective's id.</param>
/// <param name="Score">Weighted mean of its counted items; null when nothing is counted.</param>
/// <param name="Grade">The grade label; null when unscored.</param>
/// <param name="Status">The status (spec section 6).</param>
/// <param name="IsPending">Whether every counted item is pending.</param>
/// <param name="Elapsed">Fraction of its period elapsed, in [0, 1].</param>
/// <param name="Expected">The pace: <c>Elapsed * s*</c>.</param>
/// <param name="KeyResults">Its key results, in order.</param>
public sealed record ObjectiveEvaluation(
    string Id,
    double? Score,
    string? Grade,
    OkrStatus Status,
    bool IsPending,
    double Elapsed,
    double Expected,
    ValueArray<KeyResultEvaluation> KeyResults)
{
    /// <summary>The objective's id.</summary>
    public string Id { get; } = Id;

    /// <summary>Weighted mean of its counted items; null when nothing is counted.</summary>
    public double? Score { get; } = Score;

    /// <summary>The grade label; null when unscored.</summary>
    public string? Grade { get; } = Grade;

    /// <summary>The status (spec section 6).</summary>
    public OkrStatus Status { get; } = Status;

    /// <summary>Whether every counted item is pending.</summary>
    public bool IsPending { get; } = IsPending;

    /// <summary>Fraction of its period elapsed, in [0, 1].</summary>
    public double Elapsed { get; } = Elapsed;

    /// <summary>The pace: <c>Elapsed * s*</c>.</summary>
    public double Expected { get; } = Expected;

    /// <summary>Its key results, in order.</summary>
    public ValueArray<KeyResultEvaluation> KeyResults { get; } = KeyResults;
}

/// <summary>One counted input of a score: who, with what weight, what score, and its share of the result.</summary>
/// <param name="ItemId">The contributing key result or objective.</param>
/// <param name="Weight">Its weight (key result weight or link weight).</param>
/// <param name="Score">Its score.</param>
/// <param name="Share">
/// Its part of the result. Weighted means: <c>Weight * Score / total weight</c>, and shares add up to the score.
/// Sum rollups: <c>Value / (target - baseline)</c>, and shares add up to the attainment plus
/// <c>baseline / (target - baseline)</c>.
/// </param>
/// <param name="Value">The current value added (sum rollups only); null for weighted means.</param>
public sealed record Contribution(string ItemId, double Weight, double Score, double Share, decimal? Value)
{
    /// <summary>The contributing key result or objective.</summary>
    public string ItemId { get; } = ItemId;

    /// <summary>Its weight (key result weight or link weight).</summary>
    public double Weight { get; } = Weight;

    /// <summary>Its score.</summary>
    public double Score { get; } = Score;

    /// <summary>Its part of the result (see the type's remarks for weighted means and sums).</summary>
    public double Share { get; } = Share;

    /// <summary>The current value added (sum rollups only); null for weighted means.</summary>
    public decimal? Value { get; } = Value;
}

/// <summary>Why an item has its score: each counted input and its share. For a sum rollup, the values added.</summary>
/// <param name="ItemId">The objective or key result explained.</param>
/// <param name="Score">Its score, or null.</param>
/// <param name="Contributions">The counted inputs, in summation order.</param>
public sealed record Explanation(string ItemId, double? Score, ValueArray<Contribution> Contributions)
{
    /// <summary>The objective or key result explained.</summary>
    public string ItemId { get; } = ItemId;

    /// <summary>Its score, or null.</summary>
    public double? Score { get; } = Score;

    /// <summary>The counted inputs, in summation order.</summary>
    public ValueArray<Contribution> Contributions { get; } = Contributions;
}
