using Okr.Core.Events;
using Okr.Core.Persistence;

namespace Okr.Core.Tests.Persistence;

public class InMemoryOkrSetRepositoryTests
{
    private static readonly OkrEvent SomeEvent = new ObjectiveAchieved("t1", "s1", 1, Mid, "o-solo");

    [Fact]
    public async Task SaveAsync_ThenGet_ReturnsSetLifecycleAndVersion1()
    {
        var repository = new InMemoryOkrSetRepository();
        var set = PersistenceTestData.Sample();
        var saved = (await repository.SaveAsync("t1", "s1", set, OkrLifecycle.AllActive(set), 0, [])).AsT0;
        Assert.Equal(1, saved.Version);
        var stored = await repository.GetAsync("t1", "s1");
        Assert.NotNull(stored);
        Assert.Same(set, stored.Set);
        Assert.Equal(OkrLifecycle.AllActive(set), stored.Lifecycle);
        Assert.Equal(1, stored.Version);
    }

    [Fact]
    public async Task SaveAsync_StaleVersion_Okr301AndWritesNothing()
    {
        var repository = new InMemoryOkrSetRepository();
        var set = PersistenceTestData.Sample();
        await repository.SaveAsync("t1", "s1", set, OkrLifecycle.Empty, 0, []);
        await repository.SaveAsync("t1", "s1", set, OkrLifecycle.AllActive(set), 1, []);
        var stale = await repository.SaveAsync("t1", "s1", set, OkrLifecycle.Empty, 1, [SomeEvent]);
        Assert.True(Errors(stale).IsVersionConflict());
        var stored = await repository.GetAsync("t1", "s1");
        Assert.Equal(2, stored!.Version);
        Assert.Equal(OkrLifecycle.AllActive(set), stored.Lifecycle);
        Assert.Empty(await repository.GetPendingEventsAsync(0, 10));
    }

    [Fact]
    public async Task SaveAsync_NullEvent_ThrowsAndWritesNothing()
    {
        var repository = new InMemoryOkrSetRepository();
        var set = PersistenceTestData.Sample();
        await repository.SaveAsync("t1", "s1", set, OkrLifecycle.Empty, 0, []);

        var ex = await Assert.ThrowsAsync<ArgumentNullException>(() => repository.SaveAsync("t1", "s1", set, OkrLifecycle.AllActive(set), 1, [SomeEvent, null!, SomeEvent]));

        Assert.Contains("events[1] is null", ex.Message, StringComparison.Ordinal);
        var stored = await repository.GetAsync("t1", "s1");
        Assert.Equal((1L, OkrLifecycle.Empty), (stored!.Version, stored.Lifecycle));
        Assert.Empty(await repository.GetPendingEventsAsync(0, 10));
    }

    [Fact]
    public async Task SaveAsync_CreateWhenExists_Okr301()
    {
        var repository = new InMemoryOkrSetRepository();
        var set = PersistenceTestData.Sample();
        await repository.SaveAsync("t1", "s1", set, OkrLifecycle.Empty, 0, []);
        Single(await repository.SaveAsync("t1", "s1", set, OkrLifecycle.Empty, 0, []), OkrPersistenceCodes.VersionConflict);
    }

    [Fact]
    public async Task GetAsync_OtherTenant_SeesNothingAndCannotOverwrite()
    {
        var repository = new InMemoryOkrSetRepository();
        var set = PersistenceTestData.Sample();
        await repository.SaveAsync("t1", "s1", set, OkrLifecycle.Empty, 0, []);
        Assert.Null(await repository.GetAsync("t2", "s1"));
        var other = (await repository.SaveAsync("t2", "s1", Set(), OkrLifecycle.Empty, 0, [])).AsT0;
        Assert.Equal(1, other.Version);
        Assert.Same(set, (await repository.GetAsync("t1", "s1"))!.Set);
    }

    [Fact]
    public async Task Outbox_PendingUntilMarkedDelivered()
    {
        var repository = new InMemoryOkrSetRepository();
        var saved = (await repository.SaveAsync("t1", "s1", Set(), OkrLifecycle.Empty, 0, [SomeEvent, SomeEvent])).AsT0;
        Assert.Equal(2, saved.Outbox.Count);
        Assert.Equal(2, (await repository.GetPendingEventsAsync(0, 10)).Count);
        await repository.MarkDeliveredAsync(saved.Outbox[0].Id);
        var pending = Assert.Single(await repository.GetPendingEventsAsync(0, 10));
        Assert.Equal(saved.Outbox[1].Id, pending.Id);
        Assert.Empty(await repository.GetPendingEventsAsync(pending.Id, 10));
    }

    [Fact]
    public async Task AppendCheckInAsync_DefaultImplementation_AppendsAndBumpsVersion()
    {
        IOkrSetRepository repository = new InMemoryOkrSetRepository();
        var set = PersistenceTestData.Sample();
        await repository.SaveAsync("t1", "s1", set, OkrLifecycle.Empty, 0, []);
        var saved = (await repository.AppendCheckInAsync("t1", "s1", new KeyResultCheckIn("kr-nps", C("2026-11-01", 40)), 1, [])).AsT0;
        Assert.Equal(2, saved.Version);
        var stored = await repository.GetAsync("t1", "s1");
        Assert.Equal(40m, stored!.Set.Objectives[0].KeyResults[0].CheckIns[0].Value);
        Single(await repository.AppendCheckInAsync("t1", "s1", new KeyResultCheckIn("kr-nps", C("2026-11-02", 41)), 1, []), OkrPersistenceCodes.VersionConflict);
        Single(await repository.AppendCheckInAsync("t1", "nope", new KeyResultCheckIn("kr-nps", C("2026-11-02", 41)), 1, []), OkrPersistenceCodes.SetNotFound);
    }

    [Fact]
    public async Task SaveAsync_ManyThreadsOnOneVersion_ExactlyOneWins()
    {
        var repository = new InMemoryOkrSetRepository();
        await repository.SaveAsync("t1", "s1", Set(), OkrLifecycle.Empty, 0, []);
        var results = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(() => repository.SaveAsync("t1", "s1", Set(), OkrLifecycle.Empty, 1, []))));
        Assert.Equal(1, results.Count(r => r.IsT0));
        Assert.Equal(2, (await repository.GetAsync("t1", "s1"))!.Version);
    }

    [Fact]
    public async Task GetAsync_BlankTenant_Throws()
        => await Assert.ThrowsAsync<ArgumentException>(() => new InMemoryOkrSetRepository().GetAsync(" ", "s1"));
}
