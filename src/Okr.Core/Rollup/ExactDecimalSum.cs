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
        var scale = _largestScale;
        var mantissa = BigInteger.Divide(exact, BigInteger.Pow(10, FinestScale - scale));
        while (BigInteger.Abs(mantissa) > MaxMantissa && scale > 0)
        {
            // Too many digits for decimal: one fewer decimal place, rounded half to even.
            var quotient = BigInteger.DivRem(mantissa, 10, out var remainder);
            var twice = BigInteger.Abs(remainder) * 2;
            if (twice > 10 || (twice == 10 && !quotient.IsEven))
            {
                quotient += mantissa.Sign;
            }

            (mantissa, scale) = (quotient, scale - 1);
        }

        if (BigInteger.Abs(mantissa) > MaxMantissa)
        {
            return mantissa.Sign > 0 ? decimal.MaxValue : decimal.MinValue;
        }

        var magnitude = (UInt128)BigInteger.Abs(mantissa);
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), (int)(uint)(magnitude >> 64), mantissa.Sign < 0, (byte)scale);
    }

    private static readonly BigInteger MaxMantissa = (BigInteger.One << 96) - 1;
}
