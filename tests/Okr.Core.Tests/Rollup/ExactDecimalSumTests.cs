using System.Globalization;
using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Okr.Core.Tests.Rollup;

/// <summary>A sum rollup's total: decimal addition while it fits, exact past a partial overflow, saturated only at the end.</summary>
public class ExactDecimalSumTests
{
    private static decimal Total(params decimal[] values)
    {
        var sum = default(ExactDecimalSum);
        foreach (var value in values)
        {
            sum.Add(value);
        }

        return sum.Total();
    }

    [Fact]
    public void NothingAdded_HasNoValue() => Assert.False(default(ExactDecimalSum).HasValue);

    [Fact]
    public void WithinRange_IsDecimalAdditionKeepingTheLargerScale()
        => Assert.Equal("3.00", Total(1.0m, 2.00m).ToString(CultureInfo.InvariantCulture));

    [Fact]
    public void PartialOverflowThatCancels_IsExactAtTheLargestScale()
    {
        Assert.Equal(decimal.MaxValue, Total(decimal.MaxValue, decimal.MaxValue, decimal.MinValue));
        Assert.Equal("1.5", Total(decimal.MaxValue, 1.5m, decimal.MinValue).ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void PartialOverflow_TooManyDigitsForDecimal_RoundsHalfToEven()
    {
        // MaxValue - 1 + 0.5 needs 29 digits and one decimal place: rounded to the even neighbour, MaxValue - 1.
        Assert.Equal(decimal.MaxValue - 1, Total(decimal.MaxValue, decimal.MaxValue, 0.5m, decimal.MinValue, -1));
    }

    [Fact]
    public void TotalBeyondRange_Saturates()
    {
        Assert.Equal(decimal.MaxValue, Total(decimal.MaxValue, 1));
        Assert.Equal(decimal.MinValue, Total(decimal.MinValue, -1, 0.5m));
    }

    public static Arbitrary<decimal> Decimals() =>
        (from low in Gen.Choose(int.MinValue, int.MaxValue)
         from middle in Gen.Choose(int.MinValue, int.MaxValue)
         from high in Gen.Choose(int.MinValue, int.MaxValue)
         from negative in Gen.Elements(false, true)
         from scale in Gen.Elements<byte>(0, 0, 0, 1, 2)
         select new decimal(low, middle, high, negative, scale)).ToArbitrary();

    [Property(Arbitrary = [typeof(ExactDecimalSumTests)], MaxTest = 1000)]
    public bool AnyValues_TotalIsTheExactSumWhenItFitsAtTheLargestScale(decimal[] values)
    {
        if (values.Length == 0)
        {
            return true;
        }

        var scale = values.Max(v => v.Scale);
        var exact = values.Aggregate(BigInteger.Zero, (sum, v) => sum + Units(v, scale));
        var total = Total(values);
        return BigInteger.Abs(exact) > (BigInteger.One << 96) - 1
            ? total == (exact.Sign > 0 ? decimal.MaxValue : decimal.MinValue) || total.Scale < scale
            : total.Scale == scale && Units(total, scale) == exact;
    }

    private static BigInteger Units(decimal value, int scale)
    {
        var text = value.ToString(CultureInfo.InvariantCulture);
        var point = text.IndexOf('.', StringComparison.Ordinal);
        var decimals = point < 0 ? 0 : text.Length - point - 1;
        return BigInteger.Parse(text.Replace(".", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture) * BigInteger.Pow(10, scale - decimals);
    }
}
