using System.Numerics;

namespace Okr.Core;

/// <summary>
/// A sum rollup's current value: the exact sum at the largest scale of the values added, rounded once (half to even)
/// only when it has more digits than a decimal holds, and saturated at decimal's limit only when the total is beyond
/// its range. Decimal addition gives that while it is exact; once a partial sum would be rounded or leave the range
/// (MaxValue + MaxValue - MaxValue), the sum goes on in a big integer (rare).
/// </summary>
internal struct ExactDecimalSum
{
    /// <summary>Decimal's largest scale: every decimal is an integer number of 10^-28.</summary>
    private const int FinestScale = 28;

    private decimal _sum;
    private BigInteger? _exact; // the sum in units of 10^-28, once decimal addition would have rounded or overflowed
    private int _largestScale;

    /// <summary>Whether a value was added.</summary>
    public bool HasValue { get; private set; }

    public void Add(decimal value)
    {
        HasValue = true;
        _largestScale = Math.Max(_largestScale, value.Scale);
        if (_exact is { } exact)
        {
            _exact = exact + ScoreMath.ScaledInteger(value, FinestScale);
            return;
        }

        var before = _sum;
        try
        {
            _sum += value;
            if (_sum.Scale == _largestScale)
            {
                return;
            }

            // Fewer decimal places than the values had: decimal addition rounded (more than 28-29 digits), so the
            // sum goes on exactly and is rounded once, at the end.
        }
        catch (OverflowException)
        {
        }

        _exact = ScoreMath.ScaledInteger(before, FinestScale) + ScoreMath.ScaledInteger(value, FinestScale);
    }

    /// <summary>The total at the largest scale added (rounded half to even when it has too many digits, saturated beyond the range).</summary>
    public readonly decimal Total()
    {
        if (_exact is not { } exact)
        {
            return _sum;
        }

        // Back to the largest scale of the values added: exact, since every value was a whole number of its units.
        // With too many digits for a decimal, the fewest decimal places are dropped that make it fit, rounded once,
        // half to even, from the exact sum (dropping one place at a time would round twice: .149 to .15 to .2).
        var mantissa = BigInteger.Divide(exact, BigInteger.Pow(10, FinestScale - _largestScale));
        for (var dropped = 0; dropped <= _largestScale; dropped++)
        {
            var rounded = dropped == 0 ? mantissa : RoundedHalfToEven(mantissa, BigInteger.Pow(10, dropped));
            if (BigInteger.Abs(rounded) <= MaxMantissa)
            {
                var magnitude = (UInt128)BigInteger.Abs(rounded);
                return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), (int)(uint)(magnitude >> 64), rounded.Sign < 0, (byte)(_largestScale - dropped));
            }
        }

        return mantissa.Sign > 0 ? decimal.MaxValue : decimal.MinValue;
    }

    /// <summary><paramref name="value"/> / <paramref name="divisor"/> (positive) rounded to the nearest integer, ties to even.</summary>
    private static BigInteger RoundedHalfToEven(BigInteger value, BigInteger divisor)
    {
        var quotient = BigInteger.DivRem(value, divisor, out var remainder);
        var twice = BigInteger.Abs(remainder) * 2;
        return twice > divisor || (twice == divisor && !quotient.IsEven) ? quotient + value.Sign : quotient;
    }

    private static readonly BigInteger MaxMantissa = (BigInteger.One << 96) - 1;
}
