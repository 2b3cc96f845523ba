namespace Okr.Core;

/// <summary>
/// A key result's measurement as of a day: its <see cref="Current"/> value, unclamped <see cref="Attainment"/>
/// and <see cref="Score"/> (attainment clamped to [0, 1]).
/// </summary>
/// <param name="Current">
/// The current value: the latest check-in's value, the baseline, or the sum of contributors; null when none exists
/// (atLeast/atMost/within without a check-in, checklist, rollup mean).
/// </param>
/// <param name="Attainment">Unclamped attainment (may be below 0 or above 1); null only for an unscored rollup mean.</param>
/// <param name="Score">The score in [0, 1]; null only for an unscored rollup mean.</param>
/// <param name="IsPending">True when no measurement exists yet as of the day (spec section 6, rule 4).</param>
public readonly record struct KeyResultScore(decimal? Current, double? Attainment, double? Score, bool IsPending)
{
    /// <summary>The current value: the latest check-in's value, the baseline, or the sum of contributors; null when none exists (atLeast/atMost/within without a check-in, checklist, rollup mean).</summary>
    public decimal? Current { get; } = Current;

    /// <summary>Unclamped attainment (may be below 0 or above 1); null only for an unscored rollup mean.</summary>
    public double? Attainment { get; } = Attainment;

    /// <summary>The score in [0, 1]; null only for an unscored rollup mean.</summary>
    public double? Score { get; } = Score;

    /// <summary>True when no measurement exists yet as of the day (spec section 6, rule 4).</summary>
    public bool IsPending { get; } = IsPending;
}
