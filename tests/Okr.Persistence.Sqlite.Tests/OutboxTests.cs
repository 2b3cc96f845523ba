using Okr.Core.Events;
using Okr.Core.Persistence;
using static Okr.Persistence.Sqlite.Tests.Data;

namespace Okr.Persistence.Sqlite.Tests;

public sealed class OutboxTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task SinkThrowsAfterCommit_NewInstanceDeliversEveryEventOnce()
    {
        var first = new CheckInWorkflow(_db.NewRepository(), [new ThrowingSink()], new FixedTimeProvider(Mid));
        var set = Wide();
        await first.CreateSetAsync("acme", "2026", set, OkrLifecycle.AllActive(set));
        var a = (await first.RecordCheckInAsync("acme", "2026", "kr-0", C("2026-11-01", 500))).AsT0;
        var b = (await first.RecordCheckInAsync("acme", "2026", "kr-5", C("2026-11-02", 1000))).AsT0;
        Assert.False(a.Delivery.Succeeded);
        Assert.Equal(a.Events.Count + b.Events.Count, await _db.NewRepository().CountPendingEventsAsync());

        // "Restart": a new repository instance and workflow over the same file.
        var sink = new RecordingSink();
        var restarted = new CheckInWorkflow(_db.NewRepository(), [sink], new FixedTimeProvider(Mid));
        var report = await restarted.DeliverPendingAsync();

        Assert.True(report.Succeeded);
        Assert.Equal([.. a.Events, .. b.Events], sink.Events);
        Assert.Equal(0, await _db.NewRepository().CountPendingEventsAsync());
        Assert.Equal(0, (await restarted.DeliverPendingAsync()).Delivered);
    }

    [Fact]
    public async Task SinkLocksTheFileDuringDelivery_CheckInIsReportedStoredNotThrown()
    {
        // A vendor's audit table in the same file: its sink keeps a write lock, so the outbox cannot be marked. The
        // check-in is committed, and the caller must be told so rather than get an exception and record it again.
        using var lockingSink = new LockingSink(_db.ConnectionString);
        var workflow = new CheckInWorkflow(_db.NewRepository(";Default Timeout=1"), [lockingSink], new FixedTimeProvider(Mid));
        var set = Wide();
        await workflow.CreateSetAsync("acme", "2026", set, OkrLifecycle.AllActive(set));

        var outcome = (await workflow.RecordCheckInAsync("acme", "2026", "kr-0", C("2026-11-01", 500))).AsT0;
        lockingSink.Release();

        Assert.Equal(2, outcome.Version);
        var interruption = Assert.IsType<OkrStoreException>(outcome.Delivery.Interruption);
        Assert.Equal(OkrStoreFailure.Locked, interruption.Failure);
        Assert.Contains("was not marked delivered, so it stays pending", interruption.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("nothing was written", interruption.Message, StringComparison.Ordinal);
        Assert.Single((await _db.NewRepository().GetAsync("acme", "2026"))!.Set.Objectives[0].KeyResults[0].CheckIns);
        Assert.Equal(outcome.Events.Count, await _db.NewRepository().CountPendingEventsAsync());
    }

    [Fact]
    public async Task ProcessDiesBeforeDelivery_EventsCommittedWithTheChangeArePending()
    {
        IOkrSetRepository repository = _db.NewRepository();
        await repository.SaveAsync("acme", "2026", Wide(), OkrLifecycle.AllActive(Wide()), 0, []);
        OkrEvent recorded = new CheckInRecorded("acme", "2026", 2, Mid, "o-0", "kr-0", D("2026-11-01"), 10, 5);

        // Committed with the change; the process "dies" before anyone delivers.
        await repository.AppendCheckInAsync("acme", "2026", new KeyResultCheckIn("kr-0", C("2026-11-01", 10, 5)), 1, [recorded]);

        var sink = new RecordingSink();
        var report = await new OkrEventDispatcher([sink]).DeliverPendingAsync(_db.NewRepository());
        Assert.Equal(1, report.Delivered);
        Assert.Equal([recorded], sink.Events);
    }

    [Fact]
    public async Task FailedSave_LeavesNoEventBehind()
    {
        IOkrSetRepository repository = _db.NewRepository();
        await repository.SaveAsync("acme", "2026", Wide(), OkrLifecycle.Empty, 0, []);
        var conflict = await repository.AppendCheckInAsync("acme", "2026", new KeyResultCheckIn("kr-0", C("2026-11-01", 10)), 7, [new ObjectiveAchieved("acme", "2026", 8, Mid, "o-0")]);
        Assert.True(conflict.IsT1);
        Assert.Equal(0, _db.Scalar("SELECT COUNT(*) FROM okr_outbox"));
    }

    [Fact]
    public async Task MarkDeliveredAsync_IsIdempotent()
    {
        var repository = _db.NewRepository();
        var saved = (await repository.SaveAsync("acme", "2026", Wide(), OkrLifecycle.Empty, 0, [new ObjectiveAchieved("acme", "2026", 1, Mid, "o-0")])).AsT0;
        await repository.MarkDeliveredAsync(saved.Outbox[0].Id);
        await repository.MarkDeliveredAsync(saved.Outbox[0].Id);
        Assert.Empty(await repository.GetPendingEventsAsync(0, 10));
    }

    [Fact]
    public async Task GetPendingEventsAsync_UnreadableEntry_ThrowsCorruptNamingTheEntry()
    {
        var repository = _db.NewRepository();
        await repository.SaveAsync("acme", "2026", Wide(), OkrLifecycle.Empty, 0, [new ObjectiveAchieved("acme", "2026", 1, Mid, "o-0")]);
        _db.Execute("UPDATE okr_outbox SET payload = '{\"tenantId\": 42'");
        var e = await Assert.ThrowsAsync<OkrStoreException>(() => _db.NewRepository().GetPendingEventsAsync(0, 10));
        Assert.Equal(OkrStoreFailure.Corrupt, e.Failure);
        Assert.Contains("outbox entry 1", e.Message, StringComparison.Ordinal);
    }
}
