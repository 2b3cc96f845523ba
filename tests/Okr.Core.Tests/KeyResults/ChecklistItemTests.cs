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

    [Theory]
    [InlineData(-1.0, "-1")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    public void TryCreate_BadWeight_IsOkr005NamingTheKeyResultAndTheWeight(double weight, string shown)
    {
        var errors = ChecklistItem.TryCreate("Ship it", weight, keyResultId: "kr-1").AsT1;

        var error = Assert.Single(errors);
        Assert.Equal((OkrCodes.InvalidNumber, "kr-1"), (error.Code, error.Subject));
        Assert.Equal($"Checklist item 'Ship it' of key result 'kr-1' has weight {shown}: a weight is a finite number >= 0 (0 shows the item without counting it).", error.Message);
    }

    [Fact]
    public void TryCreate_TitleOver500AndBadWeight_GivesBothFindings()
    {
        var errors = ChecklistItem.TryCreate(new string('t', 501), -2).AsT1;

        Assert.Equal([OkrCodes.Schema, OkrCodes.InvalidNumber], errors.Select(e => e.Code));
        Assert.All(errors, e => Assert.Null(e.Subject));
        Assert.StartsWith($"Checklist item '{new string('t', 100)}...' has a title of 501 characters", errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryCreate_BlankTitleAndTooLongKeyResultId_NamesNeitherAndHasNoSubject()
    {
        var error = Assert.Single(ChecklistItem.TryCreate(" ", -1, keyResultId: new string('k', 201)).AsT1);

        Assert.Null(error.Subject);
        Assert.StartsWith("A checklist item has weight -1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryCreate_GoodValues_IsTheItemTheConstructorBuilds()
    {
        var item = ChecklistItem.TryCreate(new string('t', 500), 0, Mid).AsT0;

        Assert.Equal(new ChecklistItem(new string('t', 500), 0, Mid), item);
    }

    [Fact]
    public void TryCreate_BlankTitle_IsLeftToTheChecklist()
    {
        // As in a document: a blank item title is the key result's OKR006, judged with the whole checklist.
        Assert.True(ChecklistItem.TryCreate(" ").IsT0);
        var keyResult = KeyResult.TryCreate("kr-1", "Launch", KeyResultDefinition.Checklist([ChecklistItem.TryCreate(" ").AsT0]));
        Assert.Equal(OkrCodes.InvalidKeyResult, Assert.Single(keyResult.AsT1).Code);
    }

    [Fact]
    public void TryCreate_NullTitle_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => ChecklistItem.TryCreate(null!));
    }
}
