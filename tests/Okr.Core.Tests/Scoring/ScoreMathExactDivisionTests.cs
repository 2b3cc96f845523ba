using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Okr.Core.Tests.Scoring;

/// <summary>
/// The fast path of <see cref="ScoreMath.Attainment"/>: one IEEE division of integer mantissas at a common scale must give
/// the same double as the exact decimal quotient converted by <see cref="ScoreMath.ToDouble"/>.
/// </summary>
public class ScoreMathExactDivisionTests
{
    public static Arbitrary<decimal> Decimals() =>
        (from mantissa in Gen.Choose(-2_000_000_000, 2_000_000_000)
         from high in Gen.Choose(0, 2_000_000)
         from wide in Gen.Elements(false, true)
         from scale in Gen.Choose(0, 12)
         select new decimal((int)mantissa, wide ? high : 0, 0, mantissa < 0, (byte)scale)).ToArbitrary();

    [Property(Arbitrary = [typeof(ScoreMathExactDivisionTests)], MaxTest = 2000)]
    public bool TryDivideExactly_EqualsDecimalQuotientConverted(decimal numerator, decimal denominator)
    {
        if (denominator == 0)
        {
            return !ScoreMath.TryDivideExactly(numerator, denominator, out _);
        }

        var expected = ScoreMath.ToDouble(numerator / denominator);
        return !ScoreMath.TryDivideExactly(numerator, denominator, out var fast) || fast.Equals(expected) || (fast == 0 && expected == 0);
    }

    [Fact]
    public void TryDivideExactly_ManyRandomQuotients_MatchDecimalPath()
    {
        var random = new Random(20261124);
        var taken = 0;
        for (var i = 0; i < 200_000; i++)
        {
            var a = new decimal(random.NextInt64(-(1L << 53), 1L << 53)) / Pow10(random.Next(0, 8));
            var b = new decimal(random.NextInt64(1, 1L << 40)) / Pow10(random.Next(0, 8));
            if (ScoreMath.TryDivideExactly(a, b, out var fast))
            {
                taken++;
                Assert.Equal(ScoreMath.ToDouble(a / b), fast);
            }
        }

        Assert.True(taken > 50_000, $"the fast path was taken only {taken} times");
    }

    [Property(Arbitrary = [typeof(ScoreMathExactDivisionTests)], MaxTest = 2000)]
    public bool TryRatioOfDifferences_EqualsDecimalQuotientConverted(decimal current, decimal baseline, decimal target)
    {
        if (target == baseline)
        {
            return !ScoreMath.TryRatioOfDifferences(current, baseline, target, out _);
        }

        var expected = ScoreMath.ToDouble((current - baseline) / (target - baseline));
        return !ScoreMath.TryRatioOfDifferences(current, baseline, target, out var fast) || fast.Equals(expected) || (fast == 0 && expected == 0);
    }

    [Fact]
    public void TryRatioOfDifferences_ManyRandomKeyResults_MatchDecimalPath()
    {
        var random = new Random(1124);
        var taken = 0;
        for (var i = 0; i < 200_000; i++)
        {
            var baseline = new decimal(random.NextInt64(-1_000_000_000, 1_000_000_000)) / Pow10(random.Next(0, 6));
            var target = baseline + (new decimal(random.NextInt64(1, 1_000_000_000)) / Pow10(random.Next(0, 6)) * (random.Next(2) == 0 ? 1 : -1));
            var current = baseline + (new decimal(random.NextInt64(-2_000_000_000, 2_000_000_000)) / Pow10(random.Next(0, 6)));
            if (ScoreMath.TryRatioOfDifferences(current, baseline, target, out var fast))
            {
                taken++;
                Assert.Equal(ScoreMath.ToDouble((current - baseline) / (target - baseline)), fast);
            }
        }

        Assert.True(taken > 50_000, $"the fast path was taken only {taken} times");
    }

    [Theory]
    [InlineData("2", "14", 0.14285714285714285)]
    [InlineData("1", "3", 1.0 / 3)]
    [InlineData("0.5", "0.25", 2.0)]
    [InlineData("-1.5", "3", -0.5)]
    [InlineData("123.456", "1000", 0.123456)]
    public void TryDivideExactly_KnownQuotients(string numerator, string denominator, double expected)
    {
        Assert.True(ScoreMath.TryDivideExactly(decimal.Parse(numerator, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(denominator, System.Globalization.CultureInfo.InvariantCulture), out var quotient));
        Assert.Equal(expected, quotient);
    }

    [Fact]
    public void TryDivideExactly_WideMantissaOrZeroDivisor_DeclinesSoDecimalDivides()
    {
        Assert.False(ScoreMath.TryDivideExactly(1, 0, out _));
        Assert.False(ScoreMath.TryDivideExactly(decimal.MaxValue, 3, out _));
        Assert.False(ScoreMath.TryDivideExactly(1, 9_007_199_254_740_993m, out _));
        Assert.False(ScoreMath.TryDivideExactly(0.0000000000000001m, 1_000_000, out _));
    }

    [Fact]
    public void Attainment_FastAndSlowPaths_AgreeOnWorkedValues()
    {
        Assert.Equal(ScoreMath.ToDouble(2m / 14m), ScoreMath.Attainment(33, 31, 45));
        Assert.Equal(ScoreMath.ToDouble(0.3m / 0.7m), ScoreMath.Attainment(0.4m, 0.1m, 0.8m));
    }

    private static decimal Pow10(int digits)
    {
        var result = 1m;
        for (var i = 0; i < digits; i++)
        {
            result *= 10;
        }

        return result;
    }
}
