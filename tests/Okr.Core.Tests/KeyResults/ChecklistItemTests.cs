namespace Okr.Core.Tests.KeyResults;

public class ChecklistItemTests
{
    [Theory]
    [InlineData("2026-11-14", true)]
    [InlineData("2026-11-15", true)]
    [InlineData("2026-11-16", false)]
    public void IsDoneAsOf_CountsDoneOnOrBeforeTheDay(string doneOn, bool expected)
    {
        Assert.Equal(expected, new ChecklistItem("x", 1, D(doneOn)).IsDoneAsOf(Mid));
    }

    [Fact]
    public void IsDoneAsOf_Open_IsFalse()
    {
        Assert.False(new ChecklistItem("x").IsDoneAsOf(D("9999-12-31")));
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Constructor_BadWeight_Throws(double weight)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ChecklistItem("x", weight));
    }

    [Fact]
    public void WithDoneOn_KeepsTitleAndWeight()
    {
        var item = new ChecklistItem("x", 2).WithDoneOn(Mid);
        Assert.Equal(("x", 2.0, (DateOnly?)Mid), (item.Title, item.Weight, item.DoneOn));
    }
}
