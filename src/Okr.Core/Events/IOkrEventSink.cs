namespace Okr.Core.Events;

/// <summary>
/// Receives domain events after the change they describe is stored (notifications, webhooks, a message bus...).
/// Any number of sinks may be registered; a sink that throws does not stop the others and does not undo the change:
/// the failure is reported and the event stays pending in the outbox for another delivery. Delivery is at least once,
/// so a sink should tolerate seeing an event twice. A sink is kept for the life of the workflow and may be called from
/// several threads at once: make it thread-safe, and create a scope per event for scoped services.
/// </summary>
public interface IOkrEventSink
{
    /// <summary>Handles one event.</summary>
    /// <param name="okrEvent">The event.</param>
    /// <param name="cancellationToken">Cancels the handling.</param>
    Task HandleAsync(OkrEvent okrEvent, CancellationToken cancellationToken = default);
}
