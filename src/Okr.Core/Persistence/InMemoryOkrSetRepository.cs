using Ardalis.GuardClauses;
using Okr.Core.Events;
using OneOf;

namespace Okr.Core.Persistence;

/// <summary>
/// A thread-safe <see cref="IOkrSetRepository"/> in memory: sets per tenant with optimistic concurrency and an outbox.
/// Nothing survives the process; use it for tests, demos and hosts that keep OKRs elsewhere.
/// </summary>
public sealed class InMemoryOkrSetRepository : IOkrSetRepository
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Tenant, string Set), StoredOkrSet> _sets = [];
    private readonly SortedDictionary<long, OutboxEntry> _pending = [];
    private long _nextOutboxId = 1;

    /// <inheritdoc />
    public Task<StoredOkrSet?> GetAsync(string tenantId, string setId, CancellationToken cancellationToken = default)
    {
        Guard.Against.NullOrWhiteSpace(tenantId);
        Guard.Against.NullOrWhiteSpace(setId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            return Task.FromResult(_sets.GetValueOrDefault((tenantId, setId)));
        }
    }

    /// <inheritdoc />
    public Task<OneOf<SavedOkrSet, OkrErrors>> SaveAsync(
        string tenantId,
        string setId,
        OkrSet set,
        OkrLifecycle lifecycle,
        long expectedVersion,
        IReadOnlyList<OkrEvent> events,
        CancellationToken cancellationToken = default)
    {
        Guard.Against.NullOrWhiteSpace(tenantId);
        Guard.Against.NullOrWhiteSpace(setId);
        Guard.Against.Null(set);
        Guard.Against.Null(lifecycle);
        Guard.Against.Negative(expectedVersion);
        Guard.Against.Null(events);
        for (var i = 0; i < events.Count; i++)
        {
            // Checked before anything is stored: a save that throws writes nothing, the set included.
            if (events[i] is null)
            {
                throw new ArgumentNullException(nameof(events), $"events[{i}] is null.");
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            var current = _sets.GetValueOrDefault((tenantId, setId))?.Version ?? 0;
            if (current != expectedVersion)
            {
                return Task.FromResult<OneOf<SavedOkrSet, OkrErrors>>(OkrRepositoryErrors.Conflict(tenantId, setId, expectedVersion));
            }

            var version = expectedVersion + 1;
            _sets[(tenantId, setId)] = new StoredOkrSet(set, lifecycle, version);
            var entries = new List<OutboxEntry>(events.Count);
            foreach (var okrEvent in events)
            {
                var entry = new OutboxEntry(_nextOutboxId++, okrEvent);
                _pending.Add(entry.Id, entry);
                entries.Add(entry);
            }

            return Task.FromResult<OneOf<SavedOkrSet, OkrErrors>>(new SavedOkrSet(version, ValueArray.From(entries)));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<OutboxEntry>> GetPendingEventsAsync(long afterId, int maxCount, CancellationToken cancellationToken = default)
    {
        Guard.Against.NegativeOrZero(maxCount);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            IReadOnlyList<OutboxEntry> result = _pending.Values.Where(e => e.Id > afterId).Take(maxCount).ToArray();
            return Task.FromResult(result);
        }
    }

    /// <inheritdoc />
    public Task MarkDeliveredAsync(long entryId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            _pending.Remove(entryId);
        }

        return Task.CompletedTask;
    }
}
