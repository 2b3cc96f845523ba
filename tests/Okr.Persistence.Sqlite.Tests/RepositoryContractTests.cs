using Okr.Core;
using Okr.Core.Events;
using Okr.Core.Persistence;
using static Okr.Persistence.Sqlite.Tests.Data;

namespace Okr.Persistence.Sqlite.Tests;

/// <summary>
/// The <see cref="IOkrSetRepository"/> contract, run against every shipped repository. A repository for another store
/// should pass the same facts (see docs/extending.md).
/// </summary>
public sealed class RepositoryContractTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public static TheoryData<string> Stores => ["memory", "sqlite"];

    public void Dispose() => _db.Dispose();

    private IOkrSetRepository Open(string store) => store == "sqlite" ? _db.NewRepository() : new InMemoryOkrSetRepository();

    private static ObjectiveAchieved Event(long version) => new("acme", "2026", version, Mid, "o-0");

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Save_ThenGet_SameSetLifecycleAndVersion1(string store)
    {
        var repository = Open(store);
        var lifecycle = OkrLifecycle.AllActive(Wide());
        Assert.Equal(1, (await repository.SaveAsync("acme", "2026", Wide(), lifecycle, 0, [])).AsT0.Version);
        var stored = await repository.GetAsync("acme", "2026");
        Assert.Equal((Wide(), lifecycle, 1L), (stored!.Set, stored.Lifecycle, stored.Version));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Save_StaleOrCreateAgain_Okr301AndNothingWritten(string store)
    {
        var repository = Open(store);
        await repository.SaveAsync("acme", "2026", Wide(), OkrLifecycle.Empty, 0, []);
        Assert.True((await repository.SaveAsync("acme", "2026", Full(), OkrLifecycle.Empty, 0, [Event(1)])).AsT1.IsVersionConflict());
        Assert.True((await repository.SaveAsync("acme", "2026", Full(), OkrLifecycle.Empty, 2, [Event(3)])).AsT1.IsVersionConflict());
        Assert.Equal((Wide(), 1L), ((await repository.GetAsync("acme", "2026"))!.Set, (await repository.GetAsync("acme", "2026"))!.Version));
        Assert.Empty(await repository.GetPendingEventsAsync(0, 10));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task SaveAndAppend_NullEvent_ThrowAndWriteNothing(string store)
    {
        var repository = Open(store);
        await repository.SaveAsync("acme", "2026", Wide(), OkrLifecycle.Empty, 0, []);

        await Assert.ThrowsAsync<ArgumentNullException>(() => repository.SaveAsync("acme", "2026", Full(), OkrLifecycle.AllActive(Full()), 1, [Event(2), null!]));
        await Assert.ThrowsAsync<ArgumentNullException>(() => repository.AppendCheckInAsync("acme", "2026", new KeyResultCheckIn("kr-0", C("2026-11-01", 1)), 1, [Event(2), null!]));

        var stored = await repository.GetAsync("acme", "2026");
        Assert.Equal((Wide(), OkrLifecycle.Empty, 1L), (stored!.Set, stored.Lifecycle, stored.Version));
        Assert.Empty(await repository.GetPendingEventsAsync(0, 10));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Tenants_NeverSeeOrOverwriteEachOther(string store)
    {
        var repository = Open(store);
        await repository.SaveAsync("acme", "2026", Wide(), OkrLifecycle.Empty, 0, []);
        Assert.Null(await repository.GetAsync("globex", "2026"));
        await repository.SaveAsync("globex", "2026", Full(), OkrLifecycle.Empty, 0, []);
        await repository.AppendCheckInAsync("globex", "2026", new KeyResultCheckIn("kr-wait", C("2026-11-01", 8)), 1, []);
        Assert.Equal((Wide(), 1L), ((await repository.GetAsync("acme", "2026"))!.Set, (await repository.GetAsync("acme", "2026"))!.Version));
        Assert.Equal(2, (await repository.GetAsync("globex", "2026"))!.Version);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Outbox_PendingInOrderUntilMarked_PagedByAfterId(string store)
    {
        var repository = Open(store);
        var saved = (await repository.SaveAsync("acme", "2026", Wide(), OkrLifecycle.Empty, 0, [Event(1), Event(1), Event(1)])).AsT0;
        Assert.Equal(3, saved.Outbox.Count);
        Assert.True(saved.Outbox[0].Id < saved.Outbox[1].Id && saved.Outbox[1].Id < saved.Outbox[2].Id);
        var firstPage = await repository.GetPendingEventsAsync(0, 2);
        Assert.Equal(saved.Outbox.Take(2).Select(e => e.Id), firstPage.Select(e => e.Id));
        Assert.Equal(saved.Outbox[2].Id, Assert.Single(await repository.GetPendingEventsAsync(firstPage[^1].Id, 2)).Id);
        await repository.MarkDeliveredAsync(saved.Outbox[1].Id);
        Assert.Equal([saved.Outbox[0].Id, saved.Outbox[2].Id], (await repository.GetPendingEventsAsync(0, 10)).Select(e => e.Id));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task AppendCheckIn_BumpsVersionAndShowsInTheSet(string store)
    {
        var repository = Open(store);
        await repository.SaveAsync("acme", "2026", Wide(), OkrLifecycle.Empty, 0, []);
        var saved = (await repository.AppendCheckInAsync("acme", "2026", new KeyResultCheckIn("kr-2", C("2026-11-01", 250)), 1, [Event(2)])).AsT0;
        Assert.Equal(2, saved.Version);
        Assert.Single(saved.Outbox);
        var stored = await repository.GetAsync("acme", "2026");
        Assert.Equal(0.25, stored!.Set.Evaluate(Mid).ScoreOf("kr-2"));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task AppendCheckIn_ThatDoesNotFit_ReturnsItsCodeAndWritesNothing(string store)
    {
        var repository = Open(store);
        await repository.SaveAsync("acme", "2026", Full(), OkrLifecycle.Empty, 0, []);
        Assert.Equal(OkrCodes.UnknownReference, (await repository.AppendCheckInAsync("acme", "2026", new KeyResultCheckIn("kr-none", C("2026-11-01", 1)), 1, [])).AsT1[0].Code);
        Assert.Equal(OkrCodes.InvalidKeyResult, (await repository.AppendCheckInAsync("acme", "2026", new KeyResultCheckIn("kr-steps", C("2026-11-01", 1)), 1, [])).AsT1[0].Code);
        Assert.Equal(OkrCodes.InvalidKeyResult, (await repository.AppendCheckInAsync("acme", "2026", new KeyResultCheckIn("kr-app", C("2026-11-01", 2)), 1, [])).AsT1[0].Code);
        Assert.Equal(OkrPersistenceCodes.SetNotFound, (await repository.AppendCheckInAsync("acme", "none", new KeyResultCheckIn("kr-app", C("2026-11-01", 1)), 1, [])).AsT1[0].Code);
        Assert.Equal((Full(), 1L), ((await repository.GetAsync("acme", "2026"))!.Set, (await repository.GetAsync("acme", "2026"))!.Version));
    }
}
