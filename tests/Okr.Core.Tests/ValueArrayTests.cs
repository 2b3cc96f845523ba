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
}
