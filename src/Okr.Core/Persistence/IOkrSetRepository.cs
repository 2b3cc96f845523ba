using Okr.Core.Events;
using OneOf;

namespace Okr.Core.Persistence;

/// <summary>
/// Stores OKR sets per tenant with optimistic concurrency and a transactional outbox.
/// <list type="bullet">
/// <item>Every call is scoped by a tenant id: one tenant never reads, overwrites or appends to another's sets.</item>
/// <item>A save names the version it was based on; when the stored version differs it returns OKR301 and writes nothing.
/// A successful save stores version <c>expectedVersion + 1</c> (0 = "create": no set may exist yet).</item>
/// <item>The events handed to a save are stored in the same atomic step as the change (the outbox) and stay pending until
/// <see cref="MarkDeliveredAsync"/>; <see cref="GetPendingEventsAsync"/> returns them after a failed delivery or a restart.</item>
/// <item>Failures of the store itself (locked, corrupt, unreachable) throw <see cref="OkrStoreException"/>.</item>
/// <item>A save that throws (a null event, a store failure) has written nothing: arguments are checked before the first write.</item>
/// <item>An outbox entry that cannot be turned back into its event is returned as an <see cref="UnreadableOutboxEvent"/>,
/// not thrown, so one bad entry does not stop the delivery of the others.</item>
/// <item>The workflow keeps one instance for its whole life and calls it from many threads: implementations are thread-safe.</item>
/// </list>
/// </summary>
public interface IOkrSetRepository
{
    /// <summary>The set <paramref name="setId"/> of tenant <paramref name="tenantId"/> with its lifecycle and version, or null when none is stored.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="setId">The set's id within the tenant.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<StoredOkrSet?> GetAsync(string tenantId, string setId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the whole set and its lifecycle if the stored version is still <paramref name="expectedVersion"/> (0: create),
    /// storing <paramref name="events"/> in the outbox in the same step; otherwise returns OKR301 and writes nothing.
    /// </summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="setId">The set's id within the tenant.</param>
    /// <param name="set">The set, check-ins included.</param>
    /// <param name="lifecycle">Objective states and closed periods.</param>
    /// <param name="expectedVersion">The version the change is based on (0 when creating).</param>
    /// <param name="events">Events to publish once the change is stored (may be empty).</param>
    /// <param name="cancellationToken">Cancels the save (before it commits).</param>
    Task<OneOf<SavedOkrSet, OkrErrors>> SaveAsync(
        string tenantId,
        string setId,
        OkrSet set,
        OkrLifecycle lifecycle,
        long expectedVersion,
        IReadOnlyList<OkrEvent> events,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends one check-in to a stored set if its version is still <paramref name="expectedVersion"/>, storing
    /// <paramref name="events"/> in the same step; otherwise OKR301 (OKR306 when the set does not exist). The default
    /// reads the set, appends and saves it whole; a store that keeps check-ins as rows should append a row instead.
    /// </summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="setId">The set's id within the tenant.</param>
    /// <param name="checkIn">The key result and its new check-in; OKR004 for an unknown key result, OKR006 when its kind does not take it.</param>
    /// <param name="expectedVersion">The version the check-in is based on.</param>
    /// <param name="events">Events to publish once it is stored.</param>
    /// <param name="cancellationToken">Cancels the save (before it commits).</param>
    async Task<OneOf<SavedOkrSet, OkrErrors>> AppendCheckInAsync(
        string tenantId,
        string setId,
        KeyResultCheckIn checkIn,
        long expectedVersion,
        IReadOnlyList<OkrEvent> events,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkIn);
        var stored = await GetAsync(tenantId, setId, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return OkrRepositoryErrors.NotFound(tenantId, setId);
        }

        if (stored.Version != expectedVersion)
        {
            return OkrRepositoryErrors.Conflict(tenantId, setId, expectedVersion);
        }

        var appended = OkrSetCheckIns.TryAppend(stored.Set, [checkIn]);
        if (appended.TryPickT1(out var errors, out var set))
        {
            return errors;
        }

        return await SaveAsync(tenantId, setId, set, stored.Lifecycle, expectedVersion, events, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Outbox entries not yet marked delivered whose id is greater than <paramref name="afterId"/>, oldest first, at most <paramref name="maxCount"/>.</summary>
    /// <param name="afterId">Return only entries after this id (0 for all).</param>
    /// <param name="maxCount">The most entries to return (&gt; 0).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<OutboxEntry>> GetPendingEventsAsync(long afterId, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>Marks outbox entry <paramref name="entryId"/> delivered (idempotent).</summary>
    /// <param name="entryId">The outbox id.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task MarkDeliveredAsync(long entryId, CancellationToken cancellationToken = default);
}

/// <summary>The standard errors a repository returns, so every store words them the same way.</summary>
public static class OkrRepositoryErrors
{
    /// <summary>OKR301: the stored version is not <paramref name="expectedVersion"/>.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="setId">The set.</param>
    /// <param name="expectedVersion">The version the change was based on.</param>
    public static OkrErrors Conflict(string tenantId, string setId, long expectedVersion) => OkrErrors.Single(
        OkrPersistenceCodes.VersionConflict,
        setId,
        expectedVersion == 0
            ? $"Set '{setId}' of tenant '{tenantId}' already exists: read it and change the stored version instead of creating it."
            : $"Set '{setId}' of tenant '{tenantId}' changed since version {expectedVersion} was read: nothing was written; read it again and retry.");

    /// <summary>OKR306: no set is stored under this tenant and id.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="setId">The set.</param>
    public static OkrErrors NotFound(string tenantId, string setId) => OkrErrors.Single(
        OkrPersistenceCodes.SetNotFound,
        setId,
        $"Tenant '{tenantId}' has no set '{setId}': create it first (save with expected version 0).");
}
