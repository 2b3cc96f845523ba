using Ardalis.GuardClauses;
using Okr.Core.Events;

namespace Okr.Core.Persistence;

/// <summary>An OKR set as stored for one tenant: the set, its lifecycle state and the version it was read at.</summary>
/// <param name="Set">The OKR set, check-ins included.</param>
/// <param name="Lifecycle">Objective states and closed periods.</param>
/// <param name="Version">The stored version (1 after the first save, +1 per save); pass it as the expected version of the next save.</param>
public sealed record StoredOkrSet(OkrSet Set, OkrLifecycle Lifecycle, long Version)
{
    /// <summary>The OKR set, check-ins included.</summary>
    public OkrSet Set { get; } = Guard.Against.Null(Set);

    /// <summary>Objective states and closed periods.</summary>
    public OkrLifecycle Lifecycle { get; } = Guard.Against.Null(Lifecycle);

    /// <summary>The stored version (1 after the first save, +1 per save); pass it as the expected version of the next save.</summary>
    public long Version { get; } = Guard.Against.Negative(Version);
}

/// <summary>What a successful save returns: the new version and the outbox entries of the events saved with it.</summary>
/// <param name="Version">The new version (the expected version + 1).</param>
/// <param name="Outbox">The events stored with the change, in order, each with its outbox id; deliver them, then mark them delivered.</param>
public sealed record SavedOkrSet(long Version, ValueArray<OutboxEntry> Outbox)
{
    /// <summary>The new version (the expected version + 1).</summary>
    public long Version { get; } = Version;

    /// <summary>The events stored with the change, in order, each with its outbox id; deliver them, then mark them delivered.</summary>
    public ValueArray<OutboxEntry> Outbox { get; } = Outbox;
}

/// <summary>An event waiting in a repository's outbox.</summary>
/// <param name="Id">The outbox id, increasing in the order events were saved.</param>
/// <param name="Event">The event.</param>
public sealed record OutboxEntry(long Id, OkrEvent Event)
{
    /// <summary>The outbox id, increasing in the order events were saved.</summary>
    public long Id { get; } = Id;

    /// <summary>The event.</summary>
    public OkrEvent Event { get; } = Guard.Against.Null(Event);
}

/// <summary>A check-in for key result <paramref name="KeyResultId"/>, as appended to a stored set.</summary>
/// <param name="KeyResultId">The key result's id.</param>
/// <param name="CheckIn">The check-in.</param>
public sealed record KeyResultCheckIn(string KeyResultId, CheckIn CheckIn)
{
    /// <summary>The key result's id.</summary>
    public string KeyResultId { get; } = Guard.Against.NullOrWhiteSpace(KeyResultId);

    /// <summary>The check-in.</summary>
    public CheckIn CheckIn { get; } = CheckIn;
}
