using Okr.Core.Events;
using Okr.Core.Persistence;
using OneOf;

namespace Okr.Core.Tests.Persistence;

public class CheckInWorkflowTests
{
    [Fact]
    public async Task RecordCheckInAsync_Valid_StoresPublishesAndReevaluatesDependents()
    {
        var (workflow, repository, sink) = await PersistenceTestData.StartAsync();
        var outcome = (await workflow.RecordCheckInAsync("t1", "s1", "kr-nps", C("2026-11-10", 38, 8))).AsT0;

        Assert.Equal(2, outcome.Version);
        Assert.Equal(["kr-nps", "o-growth"], outcome.Reevaluated);
        var recorded = Assert.IsType<CheckInRecorded>(outcome.Events[0]);
        Assert.Equal(("t1", "s1", 2L, Mid, "o-growth", "kr-nps", D("2026-11-10"), 38m, (int?)8), (recorded.TenantId, recorded.SetId, recorded.Version, recorded.AsOf, recorded.ObjectiveId, recorded.KeyResultId, recorded.At, recorded.Value, recorded.Confidence));
        var changed = Assert.IsType<KeyResultStatusChanged>(outcome.Events[1]);
        Assert.Equal((OkrStatus.Pending, OkrStatus.OnTrack, (double?)0, (double?)0.5), (changed.OldStatus, changed.NewStatus, changed.OldScore, changed.NewScore));
        Assert.Equal(outcome.Events, sink.Events);
        Assert.True(outcome.Delivery.Succeeded);
        Assert.Equal(outcome.Events.Count, outcome.Delivery.Delivered);
        Assert.Empty(await repository.GetPendingEventsAsync(0, 100));
        var stored = await repository.GetAsync("t1", "s1");
        Assert.Equal(38m, stored!.Set.Objectives[0].KeyResults[0].CheckIns.Single().Value);
    }

    [Fact]
    public async Task RecordCheckInAsync_FallsBehindPace_PublishesOnTrackToAtRisk()
    {
        var (workflow, _, _) = await PersistenceTestData.StartAsync();
        await workflow.RecordCheckInAsync("t1", "s1", "kr-nps", C("2026-11-10", 38));
        var outcome = (await workflow.RecordCheckInAsync("t1", "s1", "kr-nps", C("2026-11-12", 33))).AsT0;
        var changed = Assert.Single(outcome.Events.OfType<KeyResultStatusChanged>());
        Assert.Equal((OkrStatus.OnTrack, OkrStatus.AtRisk), (changed.OldStatus, changed.NewStatus));
    }

    [Fact]
    public async Task RecordCheckInAsync_ReachesTarget_PublishesKeyResultAndObjectiveAchieved()
    {
        var (workflow, _, _) = await PersistenceTestData.StartAsync();
        var outcome = (await workflow.RecordCheckInAsync("t1", "s1", "kr-orders", C("2026-11-10", 120))).AsT0;
        Assert.Equal("kr-orders", Assert.Single(outcome.Events.OfType<KeyResultAchieved>()).KeyResultId);
        Assert.Equal("o-solo", Assert.Single(outcome.Events.OfType<ObjectiveAchieved>()).ObjectiveId);
        var objective = Assert.Single(outcome.Events.OfType<ObjectiveStatusChanged>());
        Assert.Equal((OkrStatus.Pending, OkrStatus.Achieved), (objective.OldStatus, objective.NewStatus));
    }

    [Fact]
    public async Task RecordCheckInAsync_AsOfFromTimeProvider_WhenNotGiven()
    {
        var repository = new InMemoryOkrSetRepository();
        var workflow = new CheckInWorkflow(repository, [], new FixedTimeProvider(D("2026-12-20")));
        var set = PersistenceTestData.Sample();
        await workflow.CreateSetAsync("t1", "s1", set, OkrLifecycle.AllActive(set));
        Assert.Equal(D("2026-12-20"), (await workflow.RecordCheckInAsync("t1", "s1", "kr-nps", C("2026-11-10", 38))).AsT0.Events[0].AsOf);
        Assert.Equal(D("2026-11-30"), (await workflow.RecordCheckInAsync("t1", "s1", "kr-nps", C("2026-11-11", 38), D("2026-11-30"))).AsT0.Events[0].AsOf);
    }

    [Fact]
    public async Task RecordCheckInAsync_UnknownSet_Okr306()
    {
        var (workflow, _, _) = await PersistenceTestData.StartAsync();
        Single(await workflow.RecordCheckInAsync("t2", "s1", "kr-nps", C("2026-11-10", 38)), OkrPersistenceCodes.SetNotFound);
    }

    [Fact]
    public async Task RecordCheckInAsync_UnknownKeyResult_Okr004()
    {
        var (workflow, _, _) = await PersistenceTestData.StartAsync();
        Single(await workflow.RecordCheckInAsync("t1", "s1", "kr-nope", C("2026-11-10", 38)), OkrCodes.UnknownReference);
    }

    [Fact]
    public async Task RecordCheckInAsync_DraftObjective_Okr304AndNothingStored()
    {
        var (workflow, repository, sink) = await PersistenceTestData.StartAsync(OkrLifecycle.Empty);
        var error = Single(await workflow.RecordCheckInAsync("t1", "s1", "kr-nps", C("2026-11-10", 38)), OkrPersistenceCodes.ObjectiveNotActive);
        Assert.Contains("draft", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, (await repository.GetAsync("t1", "s1"))!.Version);
        Assert.Empty(sink.Events);
    }

    [Fact]
    public async Task RecordCheckInAsync_OutsidePeriod_Okr305()
    {
        var (workflow, _, _) = await PersistenceTestData.StartAsync();
        Single(await workflow.RecordCheckInAsync("t1", "s1", "kr-nps", C("2026-09-30", 38)), OkrPersistenceCodes.CheckInOutsidePeriod);
    }

    [Fact]
    public async Task RecordCheckInAsync_OnChecklist_Okr006()
    {
        var (workflow, _, _) = await PersistenceTestData.StartAsync();
        Single(await workflow.RecordCheckInAsync("t1", "s1", "kr-steps", C("2026-11-10", 1)), OkrCodes.InvalidKeyResult);
    }

    [Fact]
    public async Task RecordCheckInAsync_MilestoneValueTwo_Okr006()
    {
        var (workflow, _, _) = await PersistenceTestData.StartAsync();
        Single(await workflow.RecordCheckInAsync("t1", "s1", "kr-launch", C("2026-11-10", 2)), OkrCodes.InvalidKeyResult);
        Assert.True((await workflow.RecordCheckInAsync("t1", "s1", "kr-launch", C("2026-11-10", 1))).IsT0);
    }

    [Fact]
    public async Task RecordValueAsync_ConfidenceEleven_Okr005()
    {
        var (workflow, _, _) = await PersistenceTestData.StartAsync();
        Single(await workflow.RecordValueAsync("t1", "s1", "kr-nps", D("2026-11-10"), 38, confidence: 11), OkrCodes.InvalidNumber);
        Assert.True((await workflow.RecordValueAsync("t1", "s1", "kr-nps", D("2026-11-10"), 38, confidence: 10, note: "survey")).IsT0);
    }

    [Fact]
    public async Task RecordCheckInAsync_ClosedPeriod_Okr303ForALateCheckIn()
    {
        var (workflow, _, _) = await PersistenceTestData.StartAsync();
        await workflow.ClosePeriodAsync("t1", "s1", "2026-Q3");
        var error = Single(await workflow.RecordCheckInAsync("t1", "s1", "kr-old", C("2026-09-15", 9)), OkrPersistenceCodes.PeriodClosed);
        Assert.Contains("2026-Q3", error.Message, StringComparison.Ordinal);
        Assert.Contains("read-only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordCheckInAsync_SetChangedAfterRead_Okr301AndNothingWritten()
    {
        var inner = new InMemoryOkrSetRepository();
        var racing = new RacingRepository(inner);
        var sink = new RecordingSink();
        var workflow = new CheckInWorkflow(racing, [sink], new FixedTimeProvider(Mid));
        var set = PersistenceTestData.Sample();
        await workflow.CreateSetAsync("t1", "s1", set, OkrLifecycle.AllActive(set));
        racing.Race = true;
        var result = await workflow.RecordCheckInAsync("t1", "s1", "kr-nps", C("2026-11-10", 38));
        Assert.True(Errors(result).IsVersionConflict());
        Assert.Empty(sink.Events);
        var stored = await inner.GetAsync("t1", "s1");
        Assert.Equal(2, stored!.Version);
        Assert.Empty(stored.Set.Objectives[0].KeyResults[0].CheckIns);
    }

    [Fact]
    public async Task RecordCheckInAsync_FailingSink_OthersStillGetEventsAndChangeStays()
    {
        var flaky = new FlakySink();
        var (workflow, repository, sink) = await PersistenceTestData.StartAsync(null, flaky);
        var outcome = (await workflow.RecordCheckInAsync("t1", "s1", "kr-nps", C("2026-11-10", 38))).AsT0;
        Assert.Equal(2, outcome.Version);
        Assert.Equal(outcome.Events, sink.Events);
        Assert.False(outcome.Delivery.Succeeded);
        Assert.Equal(outcome.Events.Count, outcome.Delivery.Failures.Count);
        Assert.All(outcome.Delivery.Failures, f => Assert.Equal("webhook down", f.Exception.Message));
        Assert.Equal(outcome.Events.Count, (await repository.GetPendingEventsAsync(0, 100)).Count);
        Assert.Equal(2, (await repository.GetAsync("t1", "s1"))!.Version);

        flaky.Failing = false;
        var retry = await workflow.DeliverPendingAsync();
        Assert.Equal(outcome.Events.Count, retry.Delivered);
        Assert.Empty(await repository.GetPendingEventsAsync(0, 100));
    }

    [Fact]
    public async Task RecordCheckInAsync_CancelledDuringDelivery_ReturnsTheStoredOutcomeAndKeepsTheRestPending()
    {
        // A client that disconnects while a slow webhook runs: the check-in is stored, so the caller must learn so
        // (an exception would make it record the check-in again).
        using var disconnect = new CancellationTokenSource();
        var (workflow, repository, sink) = await PersistenceTestData.StartAsync(null, new CancellingSink(disconnect));

        var outcome = (await workflow.RecordCheckInAsync("t1", "s1", "kr-nps", C("2026-11-10", 38), cancellationToken: disconnect.Token)).AsT0;

        Assert.Equal(2, outcome.Version);
        Assert.IsAssignableFrom<OperationCanceledException>(outcome.Delivery.Interruption);
        Assert.False(outcome.Delivery.Succeeded);
        Assert.Equal(0, outcome.Delivery.Delivered);
        Assert.Equal(outcome.Events.Count, (await repository.GetPendingEventsAsync(0, 100)).Count);
        Assert.Single((await repository.GetAsync("t1", "s1"))!.Set.Objectives[0].KeyResults[0].CheckIns);
        Assert.Single(sink.Events);
    }

    [Fact]
    public async Task ChangeObjectiveStateAsync_StoreFailsToMarkDelivered_ReturnsTheStoredOutcome()
    {
        var repository = new UnmarkableRepository();
        var sink = new RecordingSink();
        var workflow = new CheckInWorkflow(repository, [sink], new FixedTimeProvider(Mid));
        await workflow.CreateSetAsync("t1", "s1", PersistenceTestData.Sample());

        var outcome = (await workflow.ChangeObjectiveStateAsync("t1", "s1", "o-growth", ObjectiveState.Active)).AsT0;

        Assert.Equal(2, outcome.Version);
        Assert.Equal(OkrStoreFailure.Locked, Assert.IsType<OkrStoreException>(outcome.Delivery.Interruption).Failure);
        Assert.Equal(outcome.Events, sink.Events);
        Assert.Equal(ObjectiveState.Active, (await repository.GetAsync("t1", "s1"))!.Lifecycle.StateOf("o-growth"));
        Assert.Single(await repository.GetPendingEventsAsync(0, 100));
    }

    [Fact]
    public async Task DeliverPendingAsync_Cancelled_Throws()
    {
        // Outside a workflow step nothing was just stored, so cancellation is the usual exception.
        var flaky = new FlakySink();
        var (workflow, _, _) = await PersistenceTestData.StartAsync(null, flaky);
        await workflow.RecordCheckInAsync("t1", "s1", "kr-nps", C("2026-11-10", 38));
        using var disconnect = new CancellationTokenSource();
        var cancelling = new CheckInWorkflow(workflow.Repository, [new CancellingSink(disconnect)], new FixedTimeProvider(Mid));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelling.DeliverPendingAsync(disconnect.Token));
    }

    [Fact]
    public async Task ChangeObjectiveStateAsync_DraftToActive_PublishesStateChange()
    {
        var (workflow, repository, sink) = await PersistenceTestData.StartAsync(OkrLifecycle.Empty);
        var outcome = (await workflow.ChangeObjectiveStateAsync("t1", "s1", "o-growth", ObjectiveState.Active)).AsT0;
        var changed = Assert.IsType<ObjectiveStateChanged>(Assert.Single(sink.Events));
        Assert.Equal(("o-growth", ObjectiveState.Draft, ObjectiveState.Active), (changed.ObjectiveId, changed.OldState, changed.NewState));
        Assert.Equal(ObjectiveState.Active, (await repository.GetAsync("t1", "s1"))!.Lifecycle.StateOf("o-growth"));
        Assert.Equal(2, outcome.Version);
    }

    [Fact]
    public async Task ChangeObjectiveStateAsync_DraftToArchived_Okr302()
    {
        var (workflow, _, _) = await PersistenceTestData.StartAsync(OkrLifecycle.Empty);
        Single(await workflow.ChangeObjectiveStateAsync("t1", "s1", "o-growth", ObjectiveState.Archived), OkrPersistenceCodes.InvalidTransition);
    }

    [Fact]
    public async Task ChangeObjectiveStateAsync_ActivateInClosedPeriod_Okr303()
    {
        var (workflow, _, _) = await PersistenceTestData.StartAsync(OkrLifecycle.Empty);
        await workflow.ClosePeriodAsync("t1", "s1", "2026-Q4");
        Single(await workflow.ChangeObjectiveStateAsync("t1", "s1", "o-growth", ObjectiveState.Active), OkrPersistenceCodes.PeriodClosed);
    }

    [Fact]
    public async Task ClosePeriodAsync_PublishesFinalGradesMetAndMissed()
    {
        var (workflow, repository, sink) = await PersistenceTestData.StartAsync();
        await workflow.RecordCheckInAsync("t1", "s1", "kr-orders", C("2026-12-01", 150));
        var outcome = (await workflow.ClosePeriodAsync("t1", "s1", "2026-Q4")).AsT0;

        var closed = Assert.IsType<PeriodClosed>(outcome.Events[^1]);
        Assert.Equal(("2026-Q4", D("2027-01-01")), (closed.PeriodId, closed.AsOf));
        Assert.Equal(
            [new ObjectiveFinalGrade("o-growth", 0, "red", false), new ObjectiveFinalGrade("o-solo", 1, "green", true), new ObjectiveFinalGrade("o-steps", 0, "red", false)],
            closed.Objectives);
        Assert.Equal(3, outcome.Events.OfType<ObjectiveStateChanged>().Count());
        var stored = await repository.GetAsync("t1", "s1");
        Assert.True(stored!.Lifecycle.IsPeriodClosed("2026-Q4"));
        Assert.Equal(ObjectiveState.Closed, stored.Lifecycle.StateOf("o-solo"));
        Assert.Contains(sink.Events, e => e is PeriodClosed);
        Single(await workflow.ClosePeriodAsync("t1", "s1", "2026-Q4"), OkrPersistenceCodes.PeriodClosed);
    }

    [Fact]
    public async Task SweepOverdueAsync_UsesOkr204Condition_ForActiveObjectivesOnly()
    {
        var set = PersistenceTestData.Sample();
        var (workflow, _, sink) = await PersistenceTestData.StartAsync(OkrLifecycle.AllActive(set).WithState("o-solo", ObjectiveState.Draft));
        await workflow.RecordCheckInAsync("t1", "s1", "kr-nps", C("2026-11-10", 38));
        var sweep = (await workflow.SweepOverdueAsync("t1", "s1", D("2026-11-25"))).AsT0;

        // kr-nps: 15 days since 2026-11-10 > 14; kr-launch: 55 days since the period start; kr-orders' objective is a draft.
        Assert.Equal([new OverdueKeyResult("o-growth", "kr-nps", D("2026-11-10"), 15), new OverdueKeyResult("o-growth", "kr-launch", null, 55)], sweep.Overdue);
        var published = Assert.IsType<CheckInsOverdue>(sink.Events[^1]);
        Assert.Equal(sweep.Overdue, published.KeyResults);
        Assert.Equal(1, sweep.Delivery.Delivered);
    }

    [Fact]
    public async Task SweepOverdueAsync_SetTurnsOkr204Off_FindsAndPublishesNothing()
    {
        var set = PersistenceTestData.Sample().WithSettings(OkrSettings.Create(o => o.Rules["OKR204"] = RuleSeverity.Off));
        var sink = new RecordingSink();
        var workflow = new CheckInWorkflow(new InMemoryOkrSetRepository(), [sink], new FixedTimeProvider(Mid));
        await workflow.CreateSetAsync("t1", "s1", set, OkrLifecycle.AllActive(set));

        var sweep = (await workflow.SweepOverdueAsync("t1", "s1", D("2026-11-25"))).AsT0;

        Assert.Empty(sweep.Overdue);
        Assert.Empty(sink.Events);
    }

    [Fact]
    public async Task SweepOverdueAsync_ExactlyFourteenDays_NotOverdue()
    {
        var (workflow, _, _) = await PersistenceTestData.StartAsync();
        await workflow.RecordCheckInAsync("t1", "s1", "kr-nps", C("2026-11-10", 38));
        await workflow.RecordCheckInAsync("t1", "s1", "kr-launch", C("2026-11-10", 0));
        await workflow.RecordCheckInAsync("t1", "s1", "kr-orders", C("2026-11-10", 0));
        var sweep = (await workflow.SweepOverdueAsync("t1", "s1", D("2026-11-24"))).AsT0;
        Assert.Empty(sweep.Overdue);
        Assert.Equal(0, sweep.Delivery.Delivered);
    }

    [Fact]
    public async Task CreateSetAsync_InvalidSet_ReturnsCompileErrors()
    {
        var workflow = new CheckInWorkflow(new InMemoryOkrSetRepository(), [], new FixedTimeProvider(Mid));
        var set = Set(Obj("o1", [Inc("kr", 0, 1)]), Obj("o1", [Inc("kr2", 0, 1)]));
        Assert.Equal(OkrCodes.DuplicateId, Errors(await workflow.CreateSetAsync("t1", "s1", set)).Items[0].Code);
    }

    [Fact]
    public void Constructor_NullRepository_Throws()
        => Assert.Throws<ArgumentNullException>(() => new CheckInWorkflow(null!, [], TimeProvider.System));

    /// <summary>Saves a concurrent change right after the workflow reads, so the workflow's save is stale.</summary>
    private sealed class RacingRepository(InMemoryOkrSetRepository inner) : IOkrSetRepository
    {
        public bool Race { get; set; }

        public async Task<StoredOkrSet?> GetAsync(string tenantId, string setId, CancellationToken cancellationToken = default)
        {
            var stored = await inner.GetAsync(tenantId, setId, cancellationToken);
            if (Race && stored is not null)
            {
                Race = false;
                await inner.SaveAsync(tenantId, setId, stored.Set, stored.Lifecycle, stored.Version, [], cancellationToken);
            }

            return stored;
        }

        public Task<OneOf<SavedOkrSet, OkrErrors>> SaveAsync(string tenantId, string setId, OkrSet set, OkrLifecycle lifecycle, long expectedVersion, IReadOnlyList<OkrEvent> events, CancellationToken cancellationToken = default)
            => inner.SaveAsync(tenantId, setId, set, lifecycle, expectedVersion, events, cancellationToken);

        public Task<IReadOnlyList<OutboxEntry>> GetPendingEventsAsync(long afterId, int maxCount, CancellationToken cancellationToken = default)
            => inner.GetPendingEventsAsync(afterId, maxCount, cancellationToken);

        public Task MarkDeliveredAsync(long entryId, CancellationToken cancellationToken = default) => inner.MarkDeliveredAsync(entryId, cancellationToken);
    }
}
