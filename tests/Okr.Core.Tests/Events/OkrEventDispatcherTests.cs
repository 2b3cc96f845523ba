using Okr.Core.Events;
using Okr.Core.Persistence;
using Okr.Core.Tests.Persistence;

namespace Okr.Core.Tests.Events;

public class OkrEventDispatcherTests
{
    private static readonly OkrEvent First = new ObjectiveAchieved("t1", "s1", 1, Mid, "o1");
    private static readonly OkrEvent Second = new KeyResultAchieved("t1", "s1", 1, Mid, "o1", "kr1");

    [Fact]
    public async Task PublishAsync_EverySinkGetsEveryEventInOrder()
    {
        var a = new RecordingSink();
        var b = new RecordingSink();
        var report = await new OkrEventDispatcher([a, b]).PublishAsync([First, Second]);
        Assert.Equal([First, Second], a.Events);
        Assert.Equal([First, Second], b.Events);
        Assert.Equal(2, report.Delivered);
        Assert.True(report.Succeeded);
    }

    [Fact]
    public async Task PublishAsync_FailingSinkFirst_LaterSinksStillGetTheEvent()
    {
        var flaky = new FlakySink();
        var after = new RecordingSink();
        var report = await new OkrEventDispatcher([flaky, after]).PublishAsync([First]);
        Assert.Equal([First], after.Events);
        var failure = Assert.Single(report.Failures);
        Assert.Equal(("FlakySink", First, (long?)null), (failure.Sink, failure.Event, failure.OutboxEntryId));
        Assert.Contains("webhook down", failure.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, report.Delivered);
    }

    [Fact]
    public async Task DeliverPendingAsync_MarksOnlyFullyDeliveredEntries()
    {
        var repository = new InMemoryOkrSetRepository();
        await repository.SaveAsync("t1", "s1", Set(), OkrLifecycle.Empty, 0, [First, Second]);
        var flaky = new FlakySink();
        var dispatcher = new OkrEventDispatcher([new RecordingSink(), flaky]);

        var failed = await dispatcher.DeliverPendingAsync(repository, batchSize: 1);
        Assert.Equal((0, 2), (failed.Delivered, failed.Failures.Count));
        Assert.Equal(2, (await repository.GetPendingEventsAsync(0, 10)).Count);

        flaky.Failing = false;
        var delivered = await dispatcher.DeliverPendingAsync(repository, batchSize: 1);
        Assert.Equal(2, delivered.Delivered);
        Assert.Empty(await repository.GetPendingEventsAsync(0, 10));
    }

    [Fact]
    public async Task PublishAsync_Cancelled_Throws()
    {
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new OkrEventDispatcher([new CancellingSink()]).PublishAsync([First], cancel.Token));
    }

    [Fact]
    public void DeliveryReport_Combine_AddsCountsAndFailures()
    {
        var failure = new SinkFailure("S", First, 1, new InvalidOperationException("x"));
        var combined = new DeliveryReport(2, [failure]).Combine(new DeliveryReport(3, default));
        Assert.Equal(5, combined.Delivered);
        Assert.Equal([failure], combined.Failures);
        Assert.True(DeliveryReport.None.Succeeded);
    }

    [Fact]
    public async Task DeliverAsync_UnreadableEntry_GoesToNoSinkAndStaysPending()
    {
        var repository = new InMemoryOkrSetRepository();
        var saved = (await repository.SaveAsync("t1", "s1", Set(), OkrLifecycle.Empty, 0, [First])).AsT0;
        var sink = new RecordingSink();
        var unreadable = new UnreadableOutboxEvent("t1", "s1", 1, "Vendor.Gone, Vendor", "no such type is loaded in this process");

        var report = await new OkrEventDispatcher([sink]).DeliverAsync(repository, [new OutboxEntry(99, unreadable), saved.Outbox[0]]);

        Assert.Equal([First], sink.Events);
        Assert.Equal(1, report.Delivered);
        var failure = Assert.Single(report.Failures);
        Assert.Equal((SinkFailure.OutboxSink, (long?)99), (failure.Sink, failure.OutboxEntryId));
        Assert.Equal(
            "Outbox entry 99 of set 's1' of tenant 't1' (version 1) names event type 'Vendor.Gone, Vendor', which cannot be read: no such type is loaded in this process. It stays pending: deploy the type again, or remove the entry from the outbox.",
            failure.Exception.Message);
    }

    [Fact]
    public void DeliveryReport_Combine_KeepsTheFirstInterruption()
    {
        var first = new OperationCanceledException();
        var second = new InvalidOperationException();
        Assert.Same(first, new DeliveryReport(1, default).Combine(new DeliveryReport(0, default, first)).Interruption);
        var both = new DeliveryReport(1, default, first).Combine(new DeliveryReport(0, default, second));
        Assert.Same(first, both.Interruption);
        Assert.Equal(1, both.Delivered);
        Assert.False(both.Succeeded);
    }

    [Fact]
    public void Events_AreValues()
    {
        Assert.Equal(new ObjectiveAchieved("t1", "s1", 1, Mid, "o1"), First);
        Assert.Equal(
            new PeriodClosed("t", "s", 2, Mid, "p", [new ObjectiveFinalGrade("o", 0.5, "yellow", false)]),
            new PeriodClosed("t", "s", 2, Mid, "p", [new ObjectiveFinalGrade("o", 0.5, "yellow", false)]));
        Assert.NotEqual<OkrEvent>(First, new ObjectiveAchieved("t2", "s1", 1, Mid, "o1"));
    }

    [Fact]
    public void Event_BlankTenant_Throws() => Assert.Throws<ArgumentException>(() => new ObjectiveAchieved(" ", "s", 1, Mid, "o"));

    private sealed class CancellingSink : IOkrEventSink
    {
        public Task HandleAsync(OkrEvent okrEvent, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Task.CompletedTask;
        }
    }
}
