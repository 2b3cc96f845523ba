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

    /// <summary>
    /// <see cref="Clamp01"/> for a number that is not NaN, without a branch (Math.Max(0, -0) is +0): the evaluation
    /// loop clamps millions of attainments that are 0, 1 or in between in no predictable pattern.
    /// </summary>
    /// <param name="value">The value to clamp (not NaN; NaN stays NaN).</param>
    internal static double ClampUnbranched(double value) => Math.Min(1, Math.Max(0, value));

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
        if (TryRatioOfDifferences(current, baseline, target, out var exact))
        {
            return Normalize(exact);
        }

        try
        {
            var numerator = current - baseline;
            var denominator = target - baseline;
            return TryDivideExactly(numerator, denominator, out var quotient)
                ? Normalize(quotient)
                : Normalize(ToDouble(numerator / denominator));
        }
        catch (OverflowException)
        {
            // Differences of values near decimal's limits leave its range; the quotient itself is still
            // meaningful, so fall back to quartering every term, which keeps the ratio. (Halving was not enough:
            // MaxValue / 2 rounds up, so MaxValue / 2 - MinValue / 2 still overflowed.)
            var quarterSpan = (target / 4) - (baseline / 4);
            if (quarterSpan == 0)
            {
                // A span so small that its quarter rounds to zero (1e-28) under a difference so large that the
                // quotient leaves decimal's range: the quotient is astronomically large, and only doubles carry it.
                return Normalize(((double)current - (double)baseline) / ((double)target - (double)baseline));
            }

            return Normalize(ToDouble(((current / 4) - (baseline / 4)) / quarterSpan));
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

    /// <summary>
    /// The double nearest to the exact quotient <paramref name="numerator"/> / <paramref name="denominator"/>, when both
    /// fit a double exactly at a common decimal scale: with <c>n = N / 10^s</c> and <c>d = D / 10^s</c> for integers
    /// N, D below 2^53, <c>n / d = N / D</c>, and one IEEE division of the exactly represented N and D is correctly
    /// rounded. Returns false (the caller divides in decimal) for wider mantissas or a zero denominator.
    /// </summary>
    /// <param name="numerator">The dividend.</param>
    /// <param name="denominator">The divisor.</param>
    /// <param name="quotient">The correctly rounded quotient (may be -0; callers normalise).</param>
    internal static bool TryDivideExactly(decimal numerator, decimal denominator, out double quotient)
    {
        Span<int> n = stackalloc int[4];
        Span<int> d = stackalloc int[4];
        decimal.GetBits(numerator, n);
        decimal.GetBits(denominator, d);
        quotient = 0;
        if (n[2] != 0 || d[2] != 0)
        {
            return false;
        }

        var nMantissa = ((ulong)(uint)n[1] << 32) | (uint)n[0];
        var dMantissa = ((ulong)(uint)d[1] << 32) | (uint)d[0];
        if (dMantissa == 0)
        {
            return false;
        }

        var nScale = (n[3] >> 16) & 0xFF;
        var dScale = (d[3] >> 16) & 0xFF;
        if (nScale < dScale && !TryScaleUp(ref nMantissa, dScale - nScale))
        {
            return false;
        }

        if (dScale < nScale && !TryScaleUp(ref dMantissa, nScale - dScale))
        {
            return false;
        }

        if (nMantissa > MaxExactMantissa || dMantissa > MaxExactMantissa)
        {
            return false;
        }

        quotient = (double)nMantissa / dMantissa;
        if ((n[3] < 0) != (d[3] < 0))
        {
            quotient = -quotient;
        }

        return true;
    }

    /// <summary>
    /// <c>(current - baseline) / (target - baseline)</c> without decimal arithmetic, when all three values are integers
    /// below 2^53 at their common decimal scale and so are both differences: then one IEEE division of the exactly
    /// represented differences is the correctly rounded exact quotient. Returns false otherwise (and for target = baseline).
    /// </summary>
    /// <param name="current">The current value.</param>
    /// <param name="baseline">The starting value.</param>
    /// <param name="target">The target value.</param>
    /// <param name="quotient">The correctly rounded quotient (may be -0; callers normalise).</param>
    internal static bool TryRatioOfDifferences(decimal current, decimal baseline, decimal target, out double quotient)
    {
        Span<int> bits = stackalloc int[12];
        decimal.GetBits(current, bits[..4]);
        decimal.GetBits(baseline, bits[4..8]);
        decimal.GetBits(target, bits[8..]);
        quotient = 0;
        if ((bits[2] | bits[6] | bits[10]) != 0)
        {
            return false;
        }

        var scale = Math.Max(ScaleOf(bits[3]), Math.Max(ScaleOf(bits[7]), ScaleOf(bits[11])));
        if (!TryInteger(bits[..4], scale, out var c) || !TryInteger(bits[4..8], scale, out var b) || !TryInteger(bits[8..], scale, out var t))
        {
            return false;
        }

        // Each term is below 2^53 in magnitude, so the differences cannot overflow a long.
        var numerator = c - b;
        var denominator = t - b;
        if (denominator == 0 || Math.Abs(numerator) > (long)MaxExactMantissa || Math.Abs(denominator) > (long)MaxExactMantissa)
        {
            return false;
        }

        quotient = (double)numerator / denominator;
        return true;
    }

    private static int ScaleOf(int flags) => (flags >> 16) & 0xFF;

    /// <summary>The decimal whose bits are <paramref name="bits"/> times 10^<paramref name="scale"/>, as a signed integer below 2^53.</summary>
    private static bool TryInteger(ReadOnlySpan<int> bits, int scale, out long value)
    {
        var mantissa = ((ulong)(uint)bits[1] << 32) | (uint)bits[0];
        value = 0;
        if (!TryScaleUp(ref mantissa, scale - ScaleOf(bits[3])) || mantissa > MaxExactMantissa)
        {
            return false;
        }

        value = bits[3] < 0 ? -(long)mantissa : (long)mantissa;
        return true;
    }

    /// <summary>
    /// <paramref name="value"/> times 10^<paramref name="scale"/> as an integer below 2^53 in magnitude, when it is one
    /// (<paramref name="scale"/> at least the value's own scale).
    /// </summary>
    /// <param name="value">The decimal.</param>
    /// <param name="scale">The decimal scale to express it at.</param>
    /// <param name="integer">The scaled integer.</param>
    internal static bool TryScaledInteger(decimal value, int scale, out long integer)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        integer = 0;
        return bits[2] == 0 && TryInteger(bits, scale, out integer);
    }

    /// <summary>Multiplies <paramref name="mantissa"/> by 10^<paramref name="digits"/> when the product stays below 2^53.</summary>
    internal static bool TryScaleUp(ref ulong mantissa, int digits)
    {
        if ((uint)digits >= (uint)LargestScalable.Length || mantissa > LargestScalable[digits])
        {
            return false;
        }

        mantissa *= PowersOfTenInteger[digits];
        return true;
    }

    /// <summary>2^53 - 1: every integer up to it is a double exactly.</summary>
    internal const ulong MaxExactMantissa = (1UL << 53) - 1;

    /// <summary>10^0 to 10^15, the powers of ten below 2^53.</summary>
    internal static ReadOnlySpan<ulong> PowersOfTenInteger =>
    [
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000, 10_000_000_000,
        100_000_000_000, 1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000, 1_000_000_000_000_000,
    ];

    /// <summary>The largest mantissa that times 10^i stays at most 2^53 - 1 (a table: compiling divides by it for every check-in).</summary>
    private static readonly ulong[] LargestScalable = LargestScalableMantissas();

    private static ulong[] LargestScalableMantissas()
    {
        var largest = new ulong[PowersOfTenInteger.Length];
        for (var i = 0; i < largest.Length; i++)
        {
            largest[i] = MaxExactMantissa / PowersOfTenInteger[i];
        }

        return largest;
    }

    private static readonly double[] ExactPowersOfTen =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    /// <summary>Turns -0 into +0 (reports never show -0).</summary>
    /// <param name="value">The value.</param>
    internal static double Normalize(double value) => value == 0 ? 0 : value;
}
