namespace Okr.Core.Tests.Scoring;

public class ScoreMathTests
{
    [Theory]
    [InlineData(-3.0, 0.0)]
    [InlineData(-0.0, 0.0)]
    [InlineData(0.25, 0.25)]
    [InlineData(1.0, 1.0)]
    [InlineData(7.5, 1.0)]
    public void Clamp01_ClampsAndNeverGivesNegativeZero(double input, double expected)
    {
        var clamped = ScoreMath.Clamp01(input);
        Assert.Equal(expected, clamped);
        Assert.False(double.IsNegative(clamped));
    }

    [Theory]
    [InlineData(0.69999999999, 0.7, true)]
    [InlineData(0.6999999990, 0.7, true)]
    [InlineData(0.6999999989, 0.7, false)]
    [InlineData(0.7, 0.7, true)]
    public void Reaches_UsesToleranceInScoresFavour(double score, double threshold, bool expected)
    {
        Assert.Equal(expected, ScoreMath.Reaches(score, threshold));
    }

    [Fact]
    public void Attainment_ExactQuotient_RoundsOnceToNearest()
    {
        Assert.Equal(0.14285714285714285, ScoreMath.Attainment(33, 31, 45));
        Assert.Equal(0.4, ScoreMath.Attainment(14, 10, 20));
        Assert.Equal(1.0 / 3, ScoreMath.Attainment(1, 0, 3));
    }

    [Fact]
    public void Attainment_AtBaseline_IsPositiveZero()
    {
        var zero = ScoreMath.Attainment(2.0m, 2.0m, 0.5m);
        Assert.Equal(0.0, zero);
        Assert.False(double.IsNegative(zero));
    }

    [Fact]
    public void Attainment_NearDecimalLimits_DoesNotOverflow()
    {
        Assert.Equal(0.5, ScoreMath.Attainment(0, decimal.MinValue, decimal.MaxValue), 12);
    }

    [Fact]
    public void Attainment_QuotientBeyondDecimalOverATinySpan_IsHugeNotAnException()
    {
        // 7.9e28 over a span of 1e-28: a quotient beyond decimal's range, exact all the same.
        var attainment = ScoreMath.Attainment(79_000_000_000_000_000_000_000_000_000m, 0m, 0.0000000000000000000000000001m);

        Assert.Equal(7.9e56, attainment, 7.9e44);
    }
}
