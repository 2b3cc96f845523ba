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

    [Theory]
    [InlineData("Vendor.Events.Gone, Vendor")]
    [InlineData("Okr.Core.Events.ObjectiveAchieved, Okr.Core, Version=1.0.0.0x")]
    [InlineData("")]
    public async Task UnreadableEntry_IsReportedAndKeptPending_WhileEveryOtherTenantsEventsAreDelivered(string typeName)
    {
        // A host event type that a rolled-back deployment no longer has: one bad entry must not stop the outbox.
        IOkrSetRepository repository = _db.NewRepository();
        OkrEvent acme = new ObjectiveAchieved("acme", "2026", 1, Mid, "o-0");
        OkrEvent globex = new ObjectiveAchieved("globex", "2026", 1, Mid, "o-1");
        await repository.SaveAsync("acme", "2026", Wide(), OkrLifecycle.Empty, 0, [acme]);
        await repository.SaveAsync("globex", "2026", Wide(), OkrLifecycle.Empty, 0, [globex]);
        _db.Execute($"UPDATE okr_outbox SET event_type = '{typeName}' WHERE tenant_id = 'acme';");

        var sink = new RecordingSink();
        var report = await new OkrEventDispatcher([sink]).DeliverPendingAsync(_db.NewRepository());

        Assert.Equal([globex], sink.Events);
        Assert.Equal(1, report.Delivered);
        var failure = Assert.Single(report.Failures);
        Assert.Equal(SinkFailure.OutboxSink, failure.Sink);
        var unreadable = Assert.IsType<UnreadableOutboxEvent>(failure.Event);
        Assert.Equal(("acme", "2026", 1L, typeName), (unreadable.TenantId, unreadable.SetId, unreadable.Version, unreadable.EventType));
        Assert.Equal(OkrStoreFailure.Corrupt, Assert.IsType<OkrStoreException>(failure.Exception).Failure);
        Assert.Contains($"Outbox entry {failure.OutboxEntryId} of set '2026' of tenant 'acme'", failure.Exception.Message, StringComparison.Ordinal);
        Assert.Equal(1, await _db.NewRepository().CountPendingEventsAsync());

        // The type is back (the deployment is redone): the entry is delivered as it was stored.
        _db.Execute("UPDATE okr_outbox SET event_type = 'Okr.Core.Events.ObjectiveAchieved, Okr.Core' WHERE tenant_id = 'acme';");
        var again = await new OkrEventDispatcher([sink]).DeliverPendingAsync(_db.NewRepository());
        Assert.True(again.Succeeded);
        Assert.Equal([globex, acme], sink.Events);
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
    public async Task GetPendingEventsAsync_DamagedRow_StillGivesAnUnreadableEntry()
    {
        await _db.NewRepository().SaveAsync("acme", "2026", Wide(), OkrLifecycle.Empty, 0, [new ObjectiveAchieved("acme", "2026", 1, Mid, "o-0")]);
        _db.Execute("UPDATE okr_outbox SET event_type = 'Gone', tenant_id = ' ', version = -3;");

        var unreadable = Assert.IsType<UnreadableOutboxEvent>(Assert.Single(await _db.NewRepository().GetPendingEventsAsync(0, 10)).Event);

        Assert.Equal(("(blank)", "2026", 0L), (unreadable.TenantId, unreadable.SetId, unreadable.Version));
    }

    [Fact]
    public async Task GetPendingEventsAsync_DamagedPayload_GivesAnUnreadableEntrySayingWhy()
    {
        var repository = _db.NewRepository();
        await repository.SaveAsync("acme", "2026", Wide(), OkrLifecycle.Empty, 0, [new ObjectiveAchieved("acme", "2026", 1, Mid, "o-0")]);
        _db.Execute("UPDATE okr_outbox SET payload = '{\"tenantId\": 42'");

        var entry = Assert.Single(await _db.NewRepository().GetPendingEventsAsync(0, 10));

        var unreadable = Assert.IsType<UnreadableOutboxEvent>(entry.Event);
        Assert.Equal((1L, "acme", "2026"), (entry.Id, unreadable.TenantId, unreadable.SetId));
        Assert.StartsWith("its payload does not fit the type", unreadable.Problem, StringComparison.Ordinal);
    }
}
