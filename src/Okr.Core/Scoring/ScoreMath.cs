using System.Globalization;

namespace Okr.Core;

/// <summary>The numeric rules every score comparison follows (spec section 1).</summary>
public static class ScoreMath
{
    /// <summary>The tolerance, in the score's favour, of every comparison against a threshold.</summary>
    public const double Tolerance = 1e-9;

    /// <summary><c>min(1, max(0, x))</c>, with -0 normalised to +0.</summary>
    /// <param name="value">The value to clamp.</param>
    public static double Clamp01(double value) => value >= 1 ? 1 : value > 0 ? value : 0;

    /// <summary>Whether <paramref name="score"/> reaches <paramref name="threshold"/>: <c>score &gt;= threshold - 1e-9</c>.</summary>
    /// <param name="score">The score.</param>
    /// <param name="threshold">The threshold (a band start, a success target, a gap).</param>
    public static bool Reaches(double score, double threshold) => score >= threshold - Tolerance;

    /// <summary>
    /// <c>(current - baseline) / (target - baseline)</c> computed as an exact decimal quotient and converted once to double.
    /// </summary>
    /// <param name="current">The current value.</param>
    /// <param name="baseline">The starting value.</param>
    /// <param name="target">The target value (different from <paramref name="baseline"/>).</param>
    public static double Attainment(decimal current, decimal baseline, decimal target)
    {
        try
        {
            return Normalize(ToDouble((current - baseline) / (target - baseline)));
        }
        catch (OverflowException)
        {
            // Differences of values near decimal's limits leave its range; the quotient itself is still
            // meaningful, so fall back to quartering every term, which keeps the ratio. (Halving was not enough:
            // MaxValue / 2 rounds up, so MaxValue / 2 - MinValue / 2 still overflowed.)
            return Normalize(ToDouble(((current / 4) - (baseline / 4)) / ((target / 4) - (baseline / 4))));
        }
    }

    /// <summary>
    /// The double nearest to <paramref name="value"/>. The built-in <c>(double)decimal</c> cast is not correctly
    /// rounded (2/14 gives 0.14285714285714288 instead of 0.14285714285714285), so the exact decimal digits are
    /// parsed instead, which rounds once to nearest (spec section 1: "converted once to double").
    /// </summary>
    /// <param name="value">The exact decimal value.</param>
    internal static double ToDouble(decimal value)
    {
        Span<char> digits = stackalloc char[64];
        return value.TryFormat(digits, out var written, default, CultureInfo.InvariantCulture)
            ? double.Parse(digits[..written], NumberStyles.Float, CultureInfo.InvariantCulture)
            : (double)value;
    }

    /// <summary>Turns -0 into +0 (reports never show -0).</summary>
    /// <param name="value">The value.</param>
    internal static double Normalize(double value) => value == 0 ? 0 : value;
}
