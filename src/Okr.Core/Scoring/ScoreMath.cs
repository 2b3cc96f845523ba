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
    /// The double nearest to <paramref name="value"/> (correctly rounded). The built-in decimal-to-double cast can be
    /// one unit in the last place off (2/14 gives 0.14285714285714288 instead of 0.14285714285714285).
    /// </summary>
    /// <param name="value">The decimal.</param>
    public static double ToDouble(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var scale = (bits[3] >> 16) & 0xFF;
        if (bits[2] == 0 && (uint)bits[1] < (1u << 21) && scale < ExactPowersOfTen.Length)
        {
            // Mantissa below 2^53 and 10^scale exact in a double: one IEEE division, correctly rounded.
            var mantissa = ((ulong)(uint)bits[1] << 32) | (uint)bits[0];
            var quotient = mantissa / ExactPowersOfTen[scale];
            return bits[3] < 0 ? -quotient : quotient;
        }

        Span<char> text = stackalloc char[48];
        value.TryFormat(text, out var length, default, CultureInfo.InvariantCulture);
        return double.Parse(text[..length], CultureInfo.InvariantCulture);
    }

    private static readonly double[] ExactPowersOfTen =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    /// <summary>Turns -0 into +0 (reports never show -0).</summary>
    /// <param name="value">The value.</param>
    internal static double Normalize(double value) => value == 0 ? 0 : value;
}
