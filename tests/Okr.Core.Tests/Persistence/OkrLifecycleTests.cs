using Okr.Core.Persistence;

namespace Okr.Core.Tests.Persistence;

public class OkrLifecycleTests
{
    [Theory]
    [InlineData(ObjectiveState.Draft, ObjectiveState.Active, true)]
    [InlineData(ObjectiveState.Active, ObjectiveState.Closed, true)]
    [InlineData(ObjectiveState.Closed, ObjectiveState.Archived, true)]
    [InlineData(ObjectiveState.Draft, ObjectiveState.Closed, false)]
    [InlineData(ObjectiveState.Draft, ObjectiveState.Archived, false)]
    [InlineData(ObjectiveState.Active, ObjectiveState.Draft, false)]
    [InlineData(ObjectiveState.Closed, ObjectiveState.Active, false)]
    [InlineData(ObjectiveState.Archived, ObjectiveState.Closed, false)]
    [InlineData(ObjectiveState.Active, ObjectiveState.Active, false)]
    public void CanTransition_OnlyForwardOneStep(ObjectiveState from, ObjectiveState to, bool allowed)
        => Assert.Equal(allowed, OkrLifecycle.CanTransition(from, to));

    [Fact]
    public void StateOf_UnlistedObjective_IsDraft() => Assert.Equal(ObjectiveState.Draft, OkrLifecycle.Empty.StateOf("o-any"));

    [Fact]
    public void TryTransition_DraftToActive_ReturnsNewLifecycleAndLeavesOriginal()
    {
        var lifecycle = OkrLifecycle.Empty.TryTransition("o1", ObjectiveState.Active).AsT0;
        Assert.Equal(ObjectiveState.Active, lifecycle.StateOf("o1"));
        Assert.Equal(ObjectiveState.Draft, OkrLifecycle.Empty.StateOf("o1"));
    }

    [Fact]
    public void TryTransition_DraftToClosed_Okr302NamingTheStates()
    {
        var error = Single(OkrLifecycle.Empty.TryTransition("o1", ObjectiveState.Closed), OkrPersistenceCodes.InvalidTransition);
        Assert.Equal("o1", error.Subject);
        Assert.Contains("draft", error.Message, StringComparison.Ordinal);
        Assert.Contains("closed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryClosePeriod_ClosesActiveObjectivesOfThatPeriodOnly()
    {
        var set = PersistenceTestData.Sample();
        var lifecycle = OkrLifecycle.AllActive(set).WithState("o-steps", ObjectiveState.Draft);
        var closed = lifecycle.TryClosePeriod(set, "2026-Q4").AsT0;
        Assert.True(closed.IsPeriodClosed("2026-Q4"));
        Assert.False(closed.IsPeriodClosed("2026-Q3"));
        Assert.Equal(ObjectiveState.Closed, closed.StateOf("o-growth"));
        Assert.Equal(ObjectiveState.Draft, closed.StateOf("o-steps"));
        Assert.Equal(ObjectiveState.Active, closed.StateOf("o-old"));
    }

    [Fact]
    public void TryClosePeriod_Twice_Okr303()
    {
        var set = PersistenceTestData.Sample();
        var closed = OkrLifecycle.Empty.TryClosePeriod(set, "2026-Q3").AsT0;
        Single(closed.TryClosePeriod(set, "2026-Q3"), OkrPersistenceCodes.PeriodClosed);
    }

    [Fact]
    public void TryClosePeriod_UnknownPeriod_Okr004()
        => Single(OkrLifecycle.Empty.TryClosePeriod(PersistenceTestData.Sample(), "2031-Q1"), OkrCodes.UnknownReference);

    [Fact]
    public void Equals_ComparesContent()
    {
        var a = OkrLifecycle.Empty.WithState("o1", ObjectiveState.Active);
        var b = new OkrLifecycle([KeyValuePair.Create("o1", ObjectiveState.Active)], []);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, b.WithState("o1", ObjectiveState.Closed));
    }

    [Theory]
    [InlineData(ObjectiveState.Draft, "draft")]
    [InlineData(ObjectiveState.Active, "active")]
    [InlineData(ObjectiveState.Closed, "closed")]
    [InlineData(ObjectiveState.Archived, "archived")]
    public void Name_AndTryParse_RoundTrip(ObjectiveState state, string name)
    {
        Assert.Equal(name, OkrLifecycle.Name(state));
        Assert.True(OkrLifecycle.TryParse(name, out var parsed));
        Assert.Equal(state, parsed);
    }
}
