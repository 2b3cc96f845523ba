namespace Okr.Core.Tests;

public class ValueArrayTests
{
    [Fact]
    public void CollectionExpression_BuildsTheItems()
    {
        ValueArray<string> items = ["a", "b"];
        Assert.Equal(2, items.Count);
        Assert.Equal("b", items[1]);
    }

    [Fact]
    public void Equality_IsByContentAndDefaultEqualsEmpty()
    {
        Assert.Equal(ValueArray.Create("a", "b"), ValueArray.From(new List<string> { "a", "b" }));
        Assert.NotEqual(ValueArray.Create("a", "b"), ValueArray.Create("b", "a"));
        Assert.Equal(default, ValueArray<int>.Empty);
        Assert.True(default(ValueArray<int>) == ValueArray.From<int>(null));
        Assert.Equal(ValueArray.Create(1, 2).GetHashCode(), ValueArray.Create(1, 2).GetHashCode());
    }

    [Fact]
    public void Add_ReturnsNewArrayLeavingOriginal()
    {
        var one = ValueArray.Create(1);
        var two = one.Add(2);
        Assert.Single(one);
        Assert.Equal(2, two.Count);
    }

    [Fact]
    public void ToString_ListsTheItemsInBrackets()
    {
        Assert.Equal("[a, b]", ValueArray.Create("a", "b").ToString());
        Assert.Equal("[]", ValueArray<int>.Empty.ToString());
        Assert.Equal("[1.5]", ValueArray.Create(1.5m).ToString());
    }

    [Fact]
    public void ToString_CountsTheItemsPastTheLimit()
    {
        var text = ValueArray.From(Enumerable.Range(1, 101)).ToString();

        Assert.StartsWith("[1, 2, ", text);
        Assert.EndsWith(", 99, 100, ... (101 items)]", text);
    }

    [Fact]
    public void ARecordHoldingAnArray_PrintsItsItems()
    {
        var keyResult = KeyResult.Create("kr", "Ship", KeyResultDefinition.Milestone(), checkIns: [new CheckIn(new DateOnly(2026, 11, 2), 1)]);

        Assert.Contains("CheckIns = [CheckIn { At = ", keyResult.ToString());
    }
}
