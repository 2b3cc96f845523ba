namespace Okr.Core;

/// <summary>
/// The values sum rollups add (spec section 5): for each measured contributor, its value with no check-in (a ratio's
/// baseline; the other kinds have none) and then its check-ins' values in evaluation order. A value is kept as its
/// decimal mantissa and scale, 9 bytes instead of a decimal's 16: a value has a mantissa that fits a long unless it
/// has more than 18 significant digits, and values kept so can be summed as integers at one scale
/// (<see cref="EvaluationPlan.SumInUnits"/>). A wider mantissa, or a negative zero, is kept as a decimal aside.
/// </summary>
internal sealed class SummedValueTable
{
    /// <summary>The scale of an entry with no value: a contributor without a baseline, before its first check-in.</summary>
    public const byte NoValue = byte.MaxValue;

    /// <summary>The scale of an entry kept as a decimal aside: its units are the index of that decimal.</summary>
    public const byte Wide = byte.MaxValue - 1;

    private readonly decimal[] _wide;

    private SummedValueTable(long[] units, byte[] scales, decimal[] wide) => (Units, Scales, _wide) = (units, scales, wide);

    /// <summary>Each value's mantissa with its sign: the value is <c>Units[i] / 10^Scales[i]</c> when the scale is below <see cref="Wide"/>.</summary>
    public long[] Units { get; }

    /// <summary>Each value's decimal scale (0-28), or <see cref="NoValue"/> or <see cref="Wide"/>.</summary>
    public byte[] Scales { get; }

    /// <summary>The value at <paramref name="index"/>, exactly as it was given (scale included), or null.</summary>
    public decimal? this[int index] => Scales[index] switch
    {
        NoValue => null,
        Wide => _wide[Units[index]],
        var scale => FromUnits(Units[index], scale),
    };

    /// <summary>The decimal <c>units / 10^scale</c>; <paramref name="units"/> is not <see cref="long.MinValue"/>.</summary>
    public static decimal FromUnits(long units, byte scale)
    {
        var magnitude = (ulong)Math.Abs(units);
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, units < 0, scale);
    }

    /// <summary>Collects the values in order, then <see cref="ToTable"/>.</summary>
    public sealed class Builder
    {
        private readonly List<long> _units = [];
        private readonly List<byte> _scales = [];
        private readonly List<decimal> _wide = [];

        public int Count => _units.Count;

        public void Add(decimal? value)
        {
            if (value is not { } given)
            {
                Append(0, NoValue);
                return;
            }

            Span<int> bits = stackalloc int[4];
            decimal.GetBits(given, bits);
            var mantissa = ((ulong)(uint)bits[1] << 32) | (uint)bits[0];
            var negative = bits[3] < 0;
            if (bits[2] != 0 || mantissa > long.MaxValue || (negative && mantissa == 0))
            {
                Append(_wide.Count, Wide);
                _wide.Add(given);
                return;
            }

            Append(negative ? -(long)mantissa : (long)mantissa, given.Scale);
        }

        public SummedValueTable ToTable() => new([.. _units], [.. _scales], [.. _wide]);

        private void Append(long units, byte scale)
        {
            _units.Add(units);
            _scales.Add(scale);
        }
    }
}

/// <summary>
/// How a sum rollup is added. With <see cref="Scale"/> of 0 or more, every value it may add, its baseline and its
/// target are integers at that decimal scale and any sum of them stays below 2^53: the sum is then integer addition,
/// exact, and its attainment one IEEE division of exactly represented integers, <c>(sum - Baseline) / Span</c>, the
/// correctly rounded quotient that <see cref="ScoreMath.Attainment"/> gives too. With -1 it is added in decimals.
/// </summary>
/// <param name="Scale">The decimal scale of the units, or -1.</param>
/// <param name="Baseline">The baseline in units.</param>
/// <param name="Span">Target minus baseline in units (not 0).</param>
internal readonly record struct UnitSum(int Scale, long Baseline, long Span)
{
    /// <summary>2^53 - 1: every integer up to it is a double exactly.</summary>
    public const ulong MaxUnits = ScoreMath.MaxExactMantissa;

    /// <summary>The largest scale a sum is added at in units (10^15 is below 2^53).</summary>
    public const int MaxScale = 15;

    /// <summary>10^0 to 10^<see cref="MaxScale"/>.</summary>
    public static ReadOnlySpan<ulong> PowerOfTen => ScoreMath.PowersOfTenInteger;

    public static UnitSum InDecimals => new(-1, 0, 0);

    public bool IsInUnits => Scale >= 0;
}
