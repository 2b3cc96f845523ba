using System.Collections.Concurrent;
using Okr.Core.Events;
using Okr.Core.Persistence;

namespace Okr.Core.Tests.Persistence;

/// <summary>A set with two objectives in 2026-Q4 and one in 2026-Q3, plus sinks and a fixed clock for workflow tests.</summary>
internal static class PersistenceTestData
{
    public static Period Q3 { get; } = Period.Create("2026-Q3", D("2026-07-01"), D("2026-09-30"));

    /// <summary>o-growth (kr-nps increase 31 -> 45, kr-launch milestone), o-solo (kr-orders atLeast 100), o-old in Q3 (kr-old increase 0 -> 10), o-steps (a checklist).</summary>
    public static OkrSet Sample() => new(
        [Q3, Q4],
        [new Owner("acme")],
        [
            new Objective("o-growth", "Delight mobile users", "acme", "2026-Q4", [Inc("kr-nps", 31, 45), Kr("kr-launch", KeyResultDefinition.Milestone())]),
            new Objective("o-solo", "Grow the shop", "acme", "2026-Q4", [Kr("kr-orders", KeyResultDefinition.AtLeast(100))]),
            new Objective("o-old", "Last quarter", "acme", "2026-Q3", [Inc("kr-old", 0, 10, C("2026-08-01", 8))]),
            new Objective("o-steps", "Tidy up", "acme", "2026-Q4", [Kr("kr-steps", KeyResultDefinition.Checklist(new ChecklistItem("one")))]),
        ]);

    public static async Task<(CheckInWorkflow Workflow, InMemoryOkrSetRepository Repository, RecordingSink Sink)> StartAsync(
        OkrLifecycle? lifecycle = null,
        params IOkrEventSink[] extraSinks)
    {
        var repository = new InMemoryOkrSetRepository();
        var sink = new RecordingSink();
        var workflow = new CheckInWorkflow(repository, [sink, .. extraSinks], new FixedTimeProvider(Mid));
        var set = Sample();
        (await workflow.CreateSetAsync("t1", "s1", set, lifecycle ?? OkrLifecycle.AllActive(set))).Switch(_ => { }, e => Assert.Fail(e.ToString()));
        return (workflow, repository, sink);
    }
}

/// <summary>A clock fixed at noon UTC of a day.</summary>
internal sealed class FixedTimeProvider(DateOnly day) : TimeProvider
{
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override DateTimeOffset GetUtcNow() => new(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
}

/// <summary>Keeps every event it is handed.</summary>
internal sealed class RecordingSink : IOkrEventSink
{
    private readonly ConcurrentQueue<OkrEvent> _events = new();

    public IReadOnlyList<OkrEvent> Events => [.. _events];

    public Task HandleAsync(OkrEvent okrEvent, CancellationToken cancellationToken = default)
    {
        _events.Enqueue(okrEvent);
        return Task.CompletedTask;
    }
}

/// <summary>Throws on every event while <see cref="Failing"/> is true.</summary>
internal sealed class FlakySink : IOkrEventSink
{
    public bool Failing { get; set; } = true;

    public int Calls { get; private set; }

    public Task HandleAsync(OkrEvent okrEvent, CancellationToken cancellationToken = default)
    {
        Calls++;
        return Failing ? throw new InvalidOperationException("webhook down") : Task.CompletedTask;
    }
}

/// <summary>Cancels the caller's token while handling an event, as a client disconnecting during a slow webhook would.</summary>
internal sealed class CancellingSink(CancellationTokenSource source) : IOkrEventSink
{
    public async Task HandleAsync(OkrEvent okrEvent, CancellationToken cancellationToken = default)
    {
        await source.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }
}

/// <summary>An in-memory store whose outbox cannot be marked delivered (its file is locked by another process, say).</summary>
internal sealed class UnmarkableRepository : IOkrSetRepository
{
    private readonly InMemoryOkrSetRepository _inner = new();

    public Task<StoredOkrSet?> GetAsync(string tenantId, string setId, CancellationToken cancellationToken = default) => _inner.GetAsync(tenantId, setId, cancellationToken);

    public Task<OneOf.OneOf<SavedOkrSet, OkrErrors>> SaveAsync(string tenantId, string setId, OkrSet set, OkrLifecycle lifecycle, long expectedVersion, IReadOnlyList<OkrEvent> events, CancellationToken cancellationToken = default)
        => _inner.SaveAsync(tenantId, setId, set, lifecycle, expectedVersion, events, cancellationToken);

    public Task<IReadOnlyList<OutboxEntry>> GetPendingEventsAsync(long afterId, int maxCount, CancellationToken cancellationToken = default) => _inner.GetPendingEventsAsync(afterId, maxCount, cancellationToken);

    public Task MarkDeliveredAsync(long entryId, CancellationToken cancellationToken = default)
        => throw new OkrStoreException(OkrStoreFailure.Locked, $"Outbox entry {entryId} could not be marked delivered: the database is locked.");
}
