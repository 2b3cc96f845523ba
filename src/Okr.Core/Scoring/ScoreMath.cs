using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;

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
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
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
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="target"/> equals <paramref name="baseline"/> (validation rejects such a key result, OKR006).</exception>
    public static double Attainment(decimal current, decimal baseline, decimal target)
    {
        ArgumentOutOfRangeException.ThrowIfEqual(target, baseline);
        if (TryRatioOfDifferences(current, baseline, target, out var exact))
        {
            return Normalize(exact);
        }

        // Not current - baseline in decimal: a difference needing more than 28 digits would be rounded, or overflow.
        return Normalize(ExactRatioOfDifferences(current, baseline, target));
    }

    /// <summary>
    /// <c>(current - baseline) / (target - baseline)</c> as the exact rational number rounded once to the nearest
    /// double, for values the fast paths cannot take: mantissas wider than 53 bits, whose decimal quotient would keep
    /// only 28 decimal places (1 / 10000000000000001 would come out as 1E-16), and differences or quotients beyond
    /// decimal's range (1e23 / 0.000001), which decimal arithmetic would throw on. Rare, so big integers are fine here.
    /// </summary>
    internal static double ExactRatioOfDifferences(decimal current, decimal baseline, decimal target)
    {
        // Each decimal is mantissa / 10^scale; at the largest of the three scales the differences are integers, and
        // their ratio is the quotient.
        var scale = Math.Max(current.Scale, Math.Max(baseline.Scale, target.Scale));
        var c = ScaledInteger(current, scale);
        var b = ScaledInteger(baseline, scale);
        return RoundedQuotient(c - b, ScaledInteger(target, scale) - b);
    }

    /// <summary>
    /// <c>value / (target - baseline)</c>, exact and rounded once (a sum rollup contributor's share of its span): no
    /// decimal difference, which could leave decimal's range. Not a hot path.
    /// </summary>
    internal static double ShareOfSpan(decimal value, decimal baseline, decimal target)
    {
        var scale = Math.Max(value.Scale, Math.Max(baseline.Scale, target.Scale));
        return Normalize(RoundedQuotient(ScaledInteger(value, scale), ScaledInteger(target, scale) - ScaledInteger(baseline, scale)));
    }

    /// <summary><paramref name="value"/> times 10^<paramref name="scale"/> (at least its own scale), exactly.</summary>
    internal static BigInteger ScaledInteger(decimal value, int scale)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        Span<byte> magnitude = stackalloc byte[12];
        for (var i = 0; i < 3; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(magnitude[(4 * i)..], bits[i]);
        }

        var integer = new BigInteger(magnitude, isUnsigned: true) * BigInteger.Pow(10, scale - value.Scale);
        return bits[3] < 0 ? -integer : integer;
    }

    /// <summary>
    /// <paramref name="numerator"/> / <paramref name="denominator"/> rounded to the nearest double, ties to even: the
    /// 53 leading bits of the quotient by integer division, and the rest (with the remainder) decides the rounding.
    /// The quotients of decimal differences lie between about 1e-58 and 1e58, well inside double's normal range.
    /// </summary>
    internal static double RoundedQuotient(BigInteger numerator, BigInteger denominator)
    {
        if (numerator.IsZero)
        {
            return 0;
        }

        var negative = (numerator.Sign < 0) != (denominator.Sign < 0);
        var n = BigInteger.Abs(numerator);
        var d = BigInteger.Abs(denominator);

        // Shifted so that the integer quotient has 54 or 55 bits: one or two more than a double's 53.
        var shift = (int)(54 - (n.GetBitLength() - d.GetBitLength()));
        var quotient = BigInteger.DivRem(shift >= 0 ? n << shift : n, shift >= 0 ? d : d << -shift, out var remainder);
        var extra = (int)(quotient.GetBitLength() - 53);
        var dropped = quotient & ((BigInteger.One << extra) - 1);
        var half = BigInteger.One << (extra - 1);
        quotient >>= extra;
        if (dropped > half || (dropped == half && (!remainder.IsZero || !quotient.IsEven)))
        {
            quotient += 1; // at most 2^53, still exact in a double
        }

        var magnitude = Math.ScaleB((double)(ulong)quotient, extra - shift);
        return negative ? -magnitude : magnitude;
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

    /// <summary>
    /// Multiplies <paramref name="mantissa"/> by 10^<paramref name="digits"/> when the product stays below 2^53.
    /// (Inlined: compiling a set calls it for every check-in, and the JIT had left it a call.)
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
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

    /// <summary>
    /// Whether weights that add up to <paramref name="totalWeight"/> must be rescaled before a weighted mean: finite
    /// weights near 1e308 can add up to infinity, and spec section 1's <c>sum(w*s) / sum(w)</c> is then NaN or 0.
    /// Weights are relative, so the mean is then the one every weight scaled by one power of two gives, which is
    /// exact. A tiny total is left as the spec computes it: the formula has a value there, even where products of
    /// subnormal weights and scores lose digits (docs/decisions.md).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool NeedsRescaling(double totalWeight) => double.IsPositiveInfinity(totalWeight);

    /// <summary>
    /// The power of two every weight is scaled by when <see cref="NeedsRescaling"/>: each weight is below 2^1024, so
    /// fewer than 2^63 of them scaled by 2^-64 add up to a finite sum.
    /// </summary>
    internal const int RescaleExponent = -64;

    /// <summary>Turns -0 into +0 (reports never show -0).</summary>
    /// <param name="value">The value.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double Normalize(double value) => value == 0 ? 0 : value;
}
