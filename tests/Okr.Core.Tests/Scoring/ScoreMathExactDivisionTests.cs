using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Okr.Core.Tests.Scoring;

/// <summary>
/// <see cref="ScoreMath.Attainment"/> is the exact quotient rounded once to the nearest double (spec section 1), on its
/// fast path (one IEEE division of integers below 2^53) and on its exact path (big integers) alike. The oracle here
/// is independent of both: the quotient's first 400 significant digits by long division, a sticky digit when the
/// division is not exact, and double.Parse, which rounds correctly.
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
    public bool Attainment_EqualsTheCorrectlyRoundedExactQuotient(decimal current, decimal baseline, decimal target)
        => target == baseline || SameDouble(Oracle(current, baseline, target), ScoreMath.Attainment(current, baseline, target));

    [Property(Arbitrary = [typeof(AnyDecimalArbitrary)], MaxTest = 2000)]
    public bool Attainment_OverDecimalsWholeRange_EqualsTheCorrectlyRoundedExactQuotient(decimal current, decimal baseline, decimal target)
        => target == baseline || SameDouble(Oracle(current, baseline, target), ScoreMath.Attainment(current, baseline, target));

    [Theory]
    [InlineData("100000000000000000000000", "0", "0.000001", 1e29)] // the quotient leaves decimal's range
    [InlineData("79228162514264337593543950335", "-1", "-0.9999999999999999999999999999", 7.922816251426434e56)] // so does the difference
    [InlineData("1", "0", "10000000000000001", 9.999999999999999e-17)] // decimal division would keep 28 places: 1E-16
    [InlineData("0.0000000000000000000000000001", "0", "79228162514264337593543950335", 1.2621774483536189e-57)] // and give 0
    [InlineData("33", "31", "45", 0.14285714285714285)]
    public void Attainment_WideOrExtremeValues_IsTheCorrectlyRoundedExactQuotient(string current, string baseline, string target, double expected)
    {
        var attainment = ScoreMath.Attainment(Parse(current), Parse(baseline), Parse(target));

        Assert.Equal(expected, attainment);
        Assert.Equal(Oracle(Parse(current), Parse(baseline), Parse(target)), attainment);
    }

    [Fact]
    public void Attainment_TargetEqualToBaseline_IsAProgrammerError()
        => Assert.Throws<ArgumentOutOfRangeException>(() => ScoreMath.Attainment(1, 2, 2));

    [Property(Arbitrary = [typeof(ScoreMathExactDivisionTests)], MaxTest = 2000)]
    public bool TryRatioOfDifferences_EqualsTheCorrectlyRoundedExactQuotient(decimal current, decimal baseline, decimal target)
    {
        if (target == baseline)
        {
            return !ScoreMath.TryRatioOfDifferences(current, baseline, target, out _);
        }

        return !ScoreMath.TryRatioOfDifferences(current, baseline, target, out var fast) || SameDouble(Oracle(current, baseline, target), fast);
    }

    [Fact]
    public void TryRatioOfDifferences_ManyRandomKeyResults_MatchTheExactQuotient()
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
                Assert.True(SameDouble(Oracle(current, baseline, target), fast), $"({current} - {baseline}) / ({target} - {baseline})");
            }
        }

        Assert.True(taken > 50_000, $"the fast path was taken only {taken} times");
    }

    [Fact]
    public void Attainment_FastAndSlowPaths_AgreeOnWorkedValues()
    {
        Assert.Equal(ScoreMath.ToDouble(2m / 14m), ScoreMath.Attainment(33, 31, 45));
        Assert.Equal(ScoreMath.ToDouble(0.3m / 0.7m), ScoreMath.Attainment(0.4m, 0.1m, 0.8m));
    }

    /// <summary>Decimals over their whole range: 32 to 96-bit mantissas, scales 0 to 28, either sign.</summary>
    public static class AnyDecimalArbitrary
    {
        public static Arbitrary<decimal> Decimals() =>
            (from low in Gen.Choose(int.MinValue, int.MaxValue)
             from middle in Gen.Choose(int.MinValue, int.MaxValue)
             from high in Gen.Choose(int.MinValue, int.MaxValue)
             from words in Gen.Choose(1, 3)
             from negative in Gen.Elements(false, true)
             from scale in Gen.Choose(0, 28)
             select new decimal(low, words > 1 ? middle : 0, words > 2 ? high : 0, negative, (byte)scale)).ToArbitrary();
    }

    /// <summary>Equal as doubles, with -0 and +0 the same (callers normalise zeros).</summary>
    private static bool SameDouble(double expected, double actual) => expected.Equals(actual) || (expected == 0 && actual == 0);

    private static decimal Parse(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>(current - baseline) / (target - baseline) from the values' decimal digits, correctly rounded by double.Parse.</summary>
    private static double Oracle(decimal current, decimal baseline, decimal target)
    {
        var scale = Math.Max(current.Scale, Math.Max(baseline.Scale, target.Scale));
        var b = Integer(baseline, scale);
        var numerator = Integer(current, scale) - b;
        var denominator = Integer(target, scale) - b;
        if (numerator.IsZero)
        {
            return 0;
        }

        var sign = numerator.Sign * denominator.Sign < 0 ? "-" : string.Empty;
        (numerator, denominator) = (BigInteger.Abs(numerator), BigInteger.Abs(denominator));

        // Enough decimal places for 400 significant digits; a trailing 1 stands for a non-zero rest, so that the
        // text is never taken for a tie it is not.
        var places = 400 + Math.Max(0, denominator.ToString(System.Globalization.CultureInfo.InvariantCulture).Length - numerator.ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
        var digits = BigInteger.DivRem(numerator * BigInteger.Pow(10, places), denominator, out var rest);
        var text = digits.ToString(System.Globalization.CultureInfo.InvariantCulture) + (rest.IsZero ? "0" : "1");
        return double.Parse($"{sign}{text}E-{places + 1}", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary><paramref name="value"/> times 10^<paramref name="scale"/>, from its invariant text.</summary>
    private static BigInteger Integer(decimal value, int scale)
    {
        var text = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var point = text.IndexOf('.', StringComparison.Ordinal);
        var decimals = point < 0 ? 0 : text.Length - point - 1;
        return BigInteger.Parse(text.Replace(".", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture) * BigInteger.Pow(10, scale - decimals);
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
