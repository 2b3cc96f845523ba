using Ardalis.GuardClauses;
using Okr.Core.Persistence;

namespace Okr.Core.Events;

/// <summary>
/// Hands events to every sink, one event at a time in the order given. A sink that throws is recorded as a
/// <see cref="SinkFailure"/> and the other sinks still get the event; an outbox entry is marked delivered only when
/// every sink took it, so a failed one is delivered again later (at least once), and then after events that were
/// newer than it: a sink that applies statuses should ignore one whose <see cref="OkrEvent.Version"/> is older than
/// the last it applied for the same subject. Deliveries do not claim entries, so two that overlap (a relay on a timer
/// and a request's own delivery) can both hand over the same entry.
/// </summary>
public sealed class OkrEventDispatcher
{
    private readonly IOkrEventSink[] _sinks;

    /// <summary>A dispatcher over <paramref name="sinks"/>.</summary>
    /// <param name="sinks">The sinks (may be empty).</param>
    public OkrEventDispatcher(IEnumerable<IOkrEventSink> sinks)
    {
        _sinks = [.. Guard.Against.Null(sinks)];
        foreach (var sink in _sinks)
        {
            Guard.Against.Null(sink, nameof(sinks));
        }
    }

    /// <summary>The number of sinks.</summary>
    public int SinkCount => _sinks.Length;

    /// <summary>Delivers <paramref name="events"/> that are not in an outbox (e.g. a sweep's findings).</summary>
    /// <param name="events">The events.</param>
    /// <param name="cancellationToken">Cancels delivery.</param>
    public async Task<DeliveryReport> PublishAsync(IEnumerable<OkrEvent> events, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(events);
        var failures = new List<SinkFailure>();
        var delivered = 0;
        foreach (var okrEvent in events)
        {
            if (await DeliverOneAsync(okrEvent, null, failures, cancellationToken).ConfigureAwait(false))
            {
                delivered++;
            }
        }

        return new DeliveryReport(delivered, ValueArray.From(failures));
    }

    /// <summary>Delivers outbox <paramref name="entries"/> and marks each delivered in <paramref name="repository"/> once every sink took it.</summary>
    /// <param name="repository">The repository that holds the outbox.</param>
    /// <param name="entries">The entries, oldest first.</param>
    /// <param name="cancellationToken">Cancels delivery.</param>
    public Task<DeliveryReport> DeliverAsync(IOkrSetRepository repository, IEnumerable<OutboxEntry> entries, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(repository);
        Guard.Against.Null(entries);
        return DeliverCoreAsync(repository, entries, committedJustNow: false, cancellationToken);
    }

    /// <summary>
    /// Delivers the outbox entries of a change that was just committed. It never throws: cancellation, or a store that
    /// fails to mark an entry delivered, ends the delivery and is reported as <see cref="DeliveryReport.Interruption"/>
    /// (the entries not marked stay pending). A caller that got an exception here would think the change was lost and
    /// make it again.
    /// </summary>
    internal Task<DeliveryReport> DeliverCommittedAsync(IOkrSetRepository repository, IEnumerable<OutboxEntry> entries, CancellationToken cancellationToken)
        => DeliverCoreAsync(repository, entries, committedJustNow: true, cancellationToken);

    /// <summary>
    /// Delivers every entry pending in <paramref name="repository"/>'s outbox once (after a failed delivery or a restart),
    /// in batches of <paramref name="batchSize"/>; entries that fail again stay pending.
    /// </summary>
    /// <param name="repository">The repository that holds the outbox.</param>
    /// <param name="batchSize">Entries read per batch (&gt; 0).</param>
    /// <param name="cancellationToken">Cancels delivery.</param>
    public async Task<DeliveryReport> DeliverPendingAsync(IOkrSetRepository repository, int batchSize = 100, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(repository);
        Guard.Against.NegativeOrZero(batchSize);
        var total = DeliveryReport.None;
        long after = 0;
        while (true)
        {
            var batch = await repository.GetPendingEventsAsync(after, batchSize, cancellationToken).ConfigureAwait(false);
            if (batch.Count == 0)
            {
                return total;
            }

            total = total.Combine(await DeliverAsync(repository, batch, cancellationToken).ConfigureAwait(false));
            after = batch[^1].Id;
        }
    }

    private async Task<DeliveryReport> DeliverCoreAsync(IOkrSetRepository repository, IEnumerable<OutboxEntry> entries, bool committedJustNow, CancellationToken cancellationToken)
    {
        var failures = new List<SinkFailure>();
        var delivered = 0;
        try
        {
            foreach (var entry in entries)
            {
                if (await DeliverOneAsync(entry.Event, entry.Id, failures, cancellationToken).ConfigureAwait(false))
                {
                    await repository.MarkDeliveredAsync(entry.Id, cancellationToken).ConfigureAwait(false);
                    delivered++;
                }
            }
        }
#pragma warning disable CA1031 // After a commit, whatever stops delivery is reported with the outcome, not thrown over it.
        catch (Exception exception) when (committedJustNow)
#pragma warning restore CA1031
        {
            return new DeliveryReport(delivered, ValueArray.From(failures), exception);
        }

        return new DeliveryReport(delivered, ValueArray.From(failures));
    }

    private async Task<bool> DeliverOneAsync(OkrEvent okrEvent, long? entryId, List<SinkFailure> failures, CancellationToken cancellationToken)
    {
        Guard.Against.Null(okrEvent);
        if (okrEvent is UnreadableOutboxEvent unreadable)
        {
            // No sink can act on it; it stays pending (and is reported) rather than stopping the entries after it.
            var entry = entryId is null ? "An outbox entry" : $"Outbox entry {entryId}";
            failures.Add(new SinkFailure(SinkFailure.OutboxSink, unreadable, entryId, new OkrStoreException(
                OkrStoreFailure.Corrupt,
                $"{entry} of set '{unreadable.SetId}' of tenant '{unreadable.TenantId}' (version {unreadable.Version}) names event type '{unreadable.EventType}', which cannot be read: {unreadable.Problem}. It stays pending: deploy the type again, or remove the entry from the outbox.")));
            return false;
        }

        var ok = true;
        foreach (var sink in _sinks)
        {
            try
            {
                await sink.HandleAsync(okrEvent, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // A sink's failure must not stop the other sinks nor undo the stored change: it is reported.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                ok = false;
                failures.Add(new SinkFailure(sink.GetType().Name, okrEvent, entryId, exception));
            }
        }

        return ok;
    }
}

/// <summary>A sink that threw while handling an event, or an outbox entry that could not be read (<see cref="OutboxSink"/>).</summary>
/// <param name="Sink">The sink's type name, or <see cref="OutboxSink"/>.</param>
/// <param name="Event">The event it failed on.</param>
/// <param name="OutboxEntryId">The event's outbox id (it stays pending), or null for an event outside the outbox.</param>
/// <param name="Exception">What the sink threw.</param>
public sealed record SinkFailure(string Sink, OkrEvent Event, long? OutboxEntryId, Exception Exception)
{
    /// <summary>The <see cref="Sink"/> of a failure that is no sink's: an outbox entry that cannot be read (<see cref="UnreadableOutboxEvent"/>), handed to no sink.</summary>
    public const string OutboxSink = "outbox";

    /// <summary>The sink's type name, or <see cref="OutboxSink"/> for an outbox entry that cannot be read.</summary>
    public string Sink { get; } = Sink;

    /// <summary>The event it failed on.</summary>
    public OkrEvent Event { get; } = Event;

    /// <summary>The event's outbox id (it stays pending), or null for an event outside the outbox.</summary>
    public long? OutboxEntryId { get; } = OutboxEntryId;

    /// <summary>What the sink threw.</summary>
    public Exception Exception { get; } = Exception;

    /// <inheritdoc />
    public override string ToString() => $"{Sink} failed on {Event.GetType().Name}: {Exception.Message}";
}

/// <summary>What a delivery did: how many events every sink took, each failure, and what stopped it early, if anything.</summary>
/// <param name="Delivered">Events every sink took (and, for outbox entries, now marked delivered).</param>
/// <param name="Failures">Each sink that threw, with the event, and each outbox entry that could not be read; empty when all went well.</param>
public sealed record DeliveryReport(int Delivered, ValueArray<SinkFailure> Failures)
{
    /// <summary>A report of a delivery that stopped early (see <see cref="Interruption"/>).</summary>
    /// <param name="delivered">Events every sink took before it stopped.</param>
    /// <param name="failures">Each sink that threw before it stopped.</param>
    /// <param name="interruption">What stopped it, or null.</param>
    public DeliveryReport(int delivered, ValueArray<SinkFailure> failures, Exception? interruption)
        : this(delivered, failures)
        => Interruption = interruption;

    /// <summary>Nothing delivered, nothing failed.</summary>
    public static DeliveryReport None { get; } = new(0, default);

    /// <summary>Events every sink took (and, for outbox entries, now marked delivered).</summary>
    public int Delivered { get; } = Delivered;

    /// <summary>Each sink that threw, with the event, and each outbox entry that could not be read (<see cref="SinkFailure.OutboxSink"/>); empty when all went well.</summary>
    public ValueArray<SinkFailure> Failures { get; } = Failures;

    /// <summary>
    /// Why the delivery of a just-stored change stopped before its last event, or null when it did not: the caller's
    /// cancellation, or the store failing to mark an entry delivered. The change itself is stored; the events not
    /// marked delivered stay pending in the outbox for <see cref="OkrEventDispatcher.DeliverPendingAsync"/>.
    /// </summary>
    public Exception? Interruption { get; }

    /// <summary>Whether every sink took every event: no failure and no <see cref="Interruption"/>.</summary>
    public bool Succeeded => Failures.Count == 0 && Interruption is null;

    /// <summary>Adds two reports.</summary>
    /// <param name="other">The other report.</param>
    public DeliveryReport Combine(DeliveryReport other)
    {
        Guard.Against.Null(other);
        return new(Delivered + other.Delivered, ValueArray.From(Failures.Concat(other.Failures)), Interruption ?? other.Interruption);
    }
}
