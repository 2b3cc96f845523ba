namespace Okr.Core.Tests.Periods;

public class PeriodTests
{
    [Fact]
    public void Days_Q4_Is92()
    {
        Assert.Equal(92, Q4.Days);
    }

    [Fact]
    public void ElapsedAsOf_FirstDay_IsOneOverDays()
    {
        Assert.Equal(1.0 / 92, Q4.ElapsedAsOf(D("2026-10-01")));
    }

    [Fact]
    public void ElapsedAsOf_LastDay_IsOne()
    {
        Assert.Equal(1.0, Q4.ElapsedAsOf(D("2026-12-31")));
    }

    [Fact]
    public void ElapsedAsOf_Day46Of92_IsExactlyHalf()
    {
        Assert.Equal(0.5, Q4.ElapsedAsOf(Mid));
    }

    [Theory]
    [InlineData("2026-09-30", 0.0)]
    [InlineData("2020-01-01", 0.0)]
    [InlineData("2027-01-01", 1.0)]
    [InlineData("2030-06-30", 1.0)]
    public void ElapsedAsOf_OutsidePeriod_IsClamped(string day, double expected)
    {
        var elapsed = Q4.ElapsedAsOf(D(day));
        Assert.Equal(expected, elapsed);
        Assert.False(double.IsNegative(elapsed));
    }

    [Fact]
    public void ElapsedAsOf_OneDayPeriod_IsOneOnItsDay()
    {
        var day = Period.Create("d", D("2026-05-05"), D("2026-05-05"));
        Assert.Equal(1, day.Days);
        Assert.Equal(1.0, day.ElapsedAsOf(D("2026-05-05")));
        Assert.Equal(0.0, day.ElapsedAsOf(D("2026-05-04")));
    }

    [Fact]
    public void TryCreate_EndBeforeStart_ReturnsOkr007OnThePeriod()
    {
        var finding = Single(Period.TryCreate("p", D("2026-03-02"), D("2026-03-01")), OkrCodes.InvalidPeriod);
        Assert.Equal("OKR007", finding.Code);
        Assert.Equal("p", finding.Subject);
    }

    [Fact]
    public void Create_EndBeforeStart_ThrowsWithOkr007()
    {
        var ex = Assert.Throws<OkrValidationException>(() => Period.Create("p", D("2026-03-02"), D("2026-03-01")));
        Assert.Equal("OKR007", Assert.Single(ex.Errors.Items).Code);
    }

    [Fact]
    public void TryCreate_EndEqualsStart_IsValid()
    {
        Assert.True(Period.TryCreate("p", D("2026-03-02"), D("2026-03-02")).IsT0);
    }

    [Theory]
    [InlineData(2026, 1, "2026-Q1", "2026-01-01", "2026-03-31", 90)]
    [InlineData(2026, 2, "2026-Q2", "2026-04-01", "2026-06-30", 91)]
    [InlineData(2026, 3, "2026-Q3", "2026-07-01", "2026-09-30", 92)]
    [InlineData(2026, 4, "2026-Q4", "2026-10-01", "2026-12-31", 92)]
    [InlineData(2024, 1, "2024-Q1", "2024-01-01", "2024-03-31", 91)]
    public void Quarter_GivesCalendarQuarter(int year, int quarter, string id, string start, string end, int days)
    {
        var period = Period.Quarter(year, quarter);
        Assert.Equal(id, period.Id);
        Assert.Equal(D(start), period.Start);
        Assert.Equal(D(end), period.End);
        Assert.Equal(days, period.Days);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void Quarter_OutOfRange_ThrowsSayingTheRange(int quarter)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Period.Quarter(2026, quarter));
        Assert.Equal("quarter", ex.ParamName);
        Assert.StartsWith("A quarter is 1 to 4.", ex.Message);
    }

    [Theory]
    [InlineData(2026, 365)]
    [InlineData(2024, 366)]
    public void Year_GivesCalendarYear(int year, int days)
    {
        var period = Period.Year(year);
        Assert.Equal(year.ToString(System.Globalization.CultureInfo.InvariantCulture), period.Id);
        Assert.Equal(new DateOnly(year, 1, 1), period.Start);
        Assert.Equal(new DateOnly(year, 12, 31), period.End);
        Assert.Equal(days, period.Days);
    }

    [Theory]
    [InlineData("2026-10-01", true)]
    [InlineData("2026-12-31", true)]
    [InlineData("2026-09-30", false)]
    [InlineData("2027-01-01", false)]
    public void Contains_IsInclusive(string day, bool expected)
    {
        Assert.Equal(expected, Q4.Contains(D(day)));
    }

    [Fact]
    public void Overlaps_SharedLastDay_IsTrue()
    {
        Assert.True(Q4.Overlaps(Period.Create("x", D("2026-12-31"), D("2027-02-01"))));
        Assert.False(Q4.Overlaps(Period.Quarter(2027, 1)));
    }

    [Fact]
    public void TryCreate_BlankIdAndReversedDays_ReturnsBothFindings()
    {
        var findings = Period.TryCreate(" ", new DateOnly(2026, 12, 31), new DateOnly(2026, 10, 1)).AsT1;

        Assert.Equal([OkrCodes.Schema, OkrCodes.InvalidPeriod], findings.Select(f => f.Code));
        Assert.Equal("The id of a period is blank: give a non-blank period id.", findings[0].Message);
    }

    [Fact]
    public void TryCreate_IdOverTheLimit_ReturnsOkr002()
    {
        Assert.True(Period.TryCreate(new string('p', 200), new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31)).IsT0);
        Assert.Equal(OkrCodes.Schema, Assert.Single(Period.TryCreate(new string('p', 201), new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31)).AsT1).Code);
    }
}
