using System.Globalization;
using Ardalis.GuardClauses;
using Okr.Core.Events;
using OneOf;

namespace Okr.Core.Persistence;

/// <summary>
/// The write side of OKRs in a host: validates a check-in against its key result, its objective's lifecycle and its
/// period, stores it through an <see cref="IOkrSetRepository"/> (optimistic concurrency: a conflict comes back as OKR301
/// and retrying is the caller's choice), re-evaluates incrementally as of a day and publishes what changed as domain
/// events (stored in the repository's outbox with the change, then handed to every <see cref="IOkrEventSink"/>).
/// Also moves objectives through their lifecycle, closes periods and sweeps for overdue check-ins. Thread-safe and
/// stateless; the day comes from the <see cref="System.TimeProvider"/> unless given.
/// </summary>
public sealed class CheckInWorkflow
{
    private readonly IOkrSetRepository _repository;
    private readonly OkrEventDispatcher _dispatcher;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the workflow.</summary>
    /// <param name="repository">Where sets are stored.</param>
    /// <param name="sinks">Who hears about changes (may be empty).</param>
    /// <param name="timeProvider">The clock that says which day it is (its local time zone).</param>
    public CheckInWorkflow(IOkrSetRepository repository, IEnumerable<IOkrEventSink> sinks, TimeProvider timeProvider)
    {
        _repository = Guard.Against.Null(repository);
        _dispatcher = new OkrEventDispatcher(Guard.Against.Null(sinks));
        _timeProvider = Guard.Against.Null(timeProvider);
    }

    /// <summary>The repository.</summary>
    public IOkrSetRepository Repository => _repository;

    /// <summary>Today according to the time provider (its local time zone).</summary>
    public DateOnly Today() => DateOnly.FromDateTime(_timeProvider.GetLocalNow().DateTime);

    /// <summary>
    /// Stores a new set for a tenant with every objective a draft (or with <paramref name="lifecycle"/>), after checking
    /// that it compiles. OKR301 when a set with this id already exists.
    /// </summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="setId">The set's id within the tenant.</param>
    /// <param name="set">The set.</param>
    /// <param name="lifecycle">Its lifecycle (default: every objective a draft).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<OneOf<WorkflowOutcome, OkrErrors>> CreateSetAsync(string tenantId, string setId, OkrSet set, OkrLifecycle? lifecycle = null, CancellationToken cancellationToken = default)
    {
        Guard.Against.NullOrWhiteSpace(tenantId);
        Guard.Against.NullOrWhiteSpace(setId);
        Guard.Against.Null(set);
        if (set.TryCompile().TryPickT1(out var errors, out _))
        {
            return errors;
        }

        var saved = await _repository.SaveAsync(tenantId, setId, set, lifecycle ?? OkrLifecycle.Empty, 0, [], cancellationToken).ConfigureAwait(false);
        return saved.MapT0(s => new WorkflowOutcome(s.Version, default, default, DeliveryReport.None));
    }

    /// <summary>
    /// Records a check-in given as raw values: OKR005 when confidence is not 0-10, then as
    /// <see cref="RecordCheckInAsync(string, string, string, CheckIn, DateOnly?, CancellationToken)"/>.
    /// </summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="setId">The set.</param>
    /// <param name="keyResultId">The key result.</param>
    /// <param name="at">The day measured.</param>
    /// <param name="value">The measured value.</param>
    /// <param name="confidence">Confidence 0-10, or null.</param>
    /// <param name="note">An optional note.</param>
    /// <param name="asOf">The day to evaluate as of (default: today by the time provider).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public Task<OneOf<WorkflowOutcome, OkrErrors>> RecordValueAsync(
        string tenantId,
        string setId,
        string keyResultId,
        DateOnly at,
        decimal value,
        int? confidence = null,
        string? note = null,
        DateOnly? asOf = null,
        CancellationToken cancellationToken = default)
    {
        var checkIn = CheckIn.TryCreate(at, value, confidence, note, keyResultId);
        return checkIn.TryPickT1(out var errors, out var ok)
            ? Task.FromResult<OneOf<WorkflowOutcome, OkrErrors>>(errors)
            : RecordCheckInAsync(tenantId, setId, keyResultId, ok, asOf, cancellationToken);
    }

    /// <summary>
    /// Validates <paramref name="checkIn"/> (OKR306 unknown set, OKR004 unknown key result, OKR303 closed period,
    /// OKR304 objective not active, OKR305 day outside the objective's period, OKR006 a kind that takes no check-ins or a
    /// milestone value other than 0/1), stores it if the set is still at the version read (else OKR301, nothing written),
    /// re-evaluates what depends on the key result as of <paramref name="asOf"/> and publishes CheckInRecorded, status
    /// changes and achievements.
    /// </summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="setId">The set.</param>
    /// <param name="keyResultId">The key result.</param>
    /// <param name="checkIn">The check-in.</param>
    /// <param name="asOf">The day to evaluate as of (default: today by the time provider).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<OneOf<WorkflowOutcome, OkrErrors>> RecordCheckInAsync(
        string tenantId,
        string setId,
        string keyResultId,
        CheckIn checkIn,
        DateOnly? asOf = null,
        CancellationToken cancellationToken = default)
    {
        Guard.Against.NullOrWhiteSpace(tenantId);
        Guard.Against.NullOrWhiteSpace(setId);
        Guard.Against.NullOrWhiteSpace(keyResultId);
        var stored = await _repository.GetAsync(tenantId, setId, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return OkrRepositoryErrors.NotFound(tenantId, setId);
        }

        var set = stored.Set;
        var found = FindKeyResult(set, keyResultId);
        if (found is not var (objective, keyResult))
        {
            return OkrErrors.Single(OkrCodes.UnknownReference, keyResultId, $"Set '{setId}' has no key result '{keyResultId}': check in on one of its key results.");
        }

        if (stored.Lifecycle.IsPeriodClosed(objective.PeriodId))
        {
            return OkrErrors.Single(
                OkrPersistenceCodes.PeriodClosed,
                keyResultId,
                string.Create(CultureInfo.InvariantCulture, $"Period '{objective.PeriodId}' is closed, so key result '{keyResultId}' is read-only: the check-in of {checkIn.At:yyyy-MM-dd} was not recorded."));
        }

        var state = stored.Lifecycle.StateOf(objective.Id);
        if (state != ObjectiveState.Active)
        {
            return OkrErrors.Single(
                OkrPersistenceCodes.ObjectiveNotActive,
                keyResultId,
                $"Objective '{objective.Id}' is {OkrLifecycle.Name(state)}: only active objectives take check-ins{(state == ObjectiveState.Draft ? "; activate it first" : string.Empty)}.");
        }

        var period = set.Periods.FirstOrDefault(p => p.Id == objective.PeriodId);
        if (period is not null && !period.Contains(checkIn.At))
        {
            return OkrErrors.Single(
                OkrPersistenceCodes.CheckInOutsidePeriod,
                keyResultId,
                string.Create(CultureInfo.InvariantCulture, $"The check-in of {checkIn.At:yyyy-MM-dd} on '{keyResultId}' lies outside period {period}: date it within the period."));
        }

        if (keyResult.TryWithCheckIn(checkIn).TryPickT1(out var kindErrors, out _))
        {
            return kindErrors;
        }

        if (AlignmentGraph.TryBuild(set).TryPickT1(out var graphErrors, out var graph))
        {
            return graphErrors;
        }

        var day = asOf ?? Today();
        var evaluator = new IncrementalEvaluator(graph, day);
        var before = new Dictionary<string, (double? Score, OkrStatus Status)>(StringComparer.Ordinal);
        foreach (var id in graph.Ids)
        {
            before[id] = (evaluator.ScoreOf(id), evaluator.StatusOf(id));
        }

        if (evaluator.TryRecordCheckIn(keyResultId, checkIn).TryPickT1(out var recordErrors, out var affected))
        {
            return recordErrors;
        }

        var version = stored.Version + 1;
        var events = new List<OkrEvent> { new CheckInRecorded(tenantId, setId, version, day, objective.Id, keyResultId, checkIn.At, checkIn.Value, checkIn.Confidence) };
        foreach (var id in affected)
        {
            var (oldScore, oldStatus) = before[id];
            var newScore = evaluator.ScoreOf(id);
            var newStatus = evaluator.StatusOf(id);
            var becameFull = newScore is { } n && ScoreMath.Reaches(n, 1) && !(oldScore is { } o && ScoreMath.Reaches(o, 1));
            var node = graph.NodeOf(id);
            var ownerObjective = graph.IsObjective(node) ? null : graph.Ids[graph.ObjectiveOf[node]];
            if (ownerObjective is null)
            {
                if (newStatus != oldStatus)
                {
                    events.Add(new ObjectiveStatusChanged(tenantId, setId, version, day, id, oldStatus, newStatus, oldScore, newScore));
                }

                if (becameFull)
                {
                    events.Add(new ObjectiveAchieved(tenantId, setId, version, day, id));
                }
            }
            else
            {
                if (newStatus != oldStatus)
                {
                    events.Add(new KeyResultStatusChanged(tenantId, setId, version, day, ownerObjective, id, oldStatus, newStatus, oldScore, newScore));
                }

                if (becameFull)
                {
                    events.Add(new KeyResultAchieved(tenantId, setId, version, day, ownerObjective, id));
                }
            }
        }

        var saved = await _repository.AppendCheckInAsync(tenantId, setId, new KeyResultCheckIn(keyResultId, checkIn), stored.Version, events, cancellationToken).ConfigureAwait(false);
        if (saved.TryPickT1(out var saveErrors, out var ok))
        {
            return saveErrors;
        }

        var delivery = await _dispatcher.DeliverCommittedAsync(_repository, ok.Outbox, cancellationToken).ConfigureAwait(false);
        return new WorkflowOutcome(ok.Version, ValueArray.From(events), ValueArray.From(affected), delivery);
    }

    /// <summary>
    /// Moves objective <paramref name="objectiveId"/> to <paramref name="target"/> (draft -&gt; active -&gt; closed -&gt; archived;
    /// anything else is OKR302; activating in a closed period is OKR303) and publishes ObjectiveStateChanged.
    /// </summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="setId">The set.</param>
    /// <param name="objectiveId">The objective.</param>
    /// <param name="target">The wanted state.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<OneOf<WorkflowOutcome, OkrErrors>> ChangeObjectiveStateAsync(string tenantId, string setId, string objectiveId, ObjectiveState target, CancellationToken cancellationToken = default)
    {
        Guard.Against.NullOrWhiteSpace(tenantId);
        Guard.Against.NullOrWhiteSpace(setId);
        Guard.Against.NullOrWhiteSpace(objectiveId);
        var stored = await _repository.GetAsync(tenantId, setId, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return OkrRepositoryErrors.NotFound(tenantId, setId);
        }

        var objective = stored.Set.Objectives.FirstOrDefault(o => o.Id == objectiveId);
        if (objective is null)
        {
            return OkrErrors.Single(OkrCodes.UnknownReference, objectiveId, $"Set '{setId}' has no objective '{objectiveId}'.");
        }

        if (target == ObjectiveState.Active && stored.Lifecycle.IsPeriodClosed(objective.PeriodId))
        {
            return OkrErrors.Single(OkrPersistenceCodes.PeriodClosed, objectiveId, $"Period '{objective.PeriodId}' is closed: objective '{objectiveId}' cannot become active in it.");
        }

        var from = stored.Lifecycle.StateOf(objectiveId);
        if (stored.Lifecycle.TryTransition(objectiveId, target).TryPickT1(out var errors, out var lifecycle))
        {
            return errors;
        }

        var version = stored.Version + 1;
        OkrEvent[] events = [new ObjectiveStateChanged(tenantId, setId, version, Today(), objectiveId, from, target)];
        return await SaveAndDeliverAsync(tenantId, setId, stored, stored.Set, lifecycle, events, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Closes period <paramref name="periodId"/>: it becomes read-only, its active objectives become closed, and
    /// PeriodClosed carries each closed objective's final score, grade and met/missed, graded as of the day after the
    /// period's end. OKR303 when it is already closed, OKR004 for an unknown period.
    /// </summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="setId">The set.</param>
    /// <param name="periodId">The period.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<OneOf<WorkflowOutcome, OkrErrors>> ClosePeriodAsync(string tenantId, string setId, string periodId, CancellationToken cancellationToken = default)
    {
        Guard.Against.NullOrWhiteSpace(tenantId);
        Guard.Against.NullOrWhiteSpace(setId);
        Guard.Against.NullOrWhiteSpace(periodId);
        var stored = await _repository.GetAsync(tenantId, setId, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return OkrRepositoryErrors.NotFound(tenantId, setId);
        }

        if (stored.Lifecycle.TryClosePeriod(stored.Set, periodId).TryPickT1(out var errors, out var lifecycle))
        {
            return errors;
        }

        var period = stored.Set.Periods.First(p => p.Id == periodId);
        var gradedOn = period.End == DateOnly.MaxValue ? period.End : period.End.AddDays(1);
        if (stored.Set.TryEvaluate(gradedOn).TryPickT1(out var evaluationErrors, out var evaluation))
        {
            return evaluationErrors;
        }

        var version = stored.Version + 1;
        var events = new List<OkrEvent>();
        var grades = new List<ObjectiveFinalGrade>();
        foreach (var objective in stored.Set.Objectives.Where(o => o.PeriodId == periodId))
        {
            var old = stored.Lifecycle.StateOf(objective.Id);
            var now = lifecycle.StateOf(objective.Id);
            if (old != now)
            {
                events.Add(new ObjectiveStateChanged(tenantId, setId, version, gradedOn, objective.Id, old, now));
            }

            if (now == ObjectiveState.Closed)
            {
                var result = evaluation.Objective(objective.Id);
                grades.Add(new ObjectiveFinalGrade(objective.Id, result.Score, result.Grade, result.Status == OkrStatus.Met));
            }
        }

        events.Add(new PeriodClosed(tenantId, setId, version, gradedOn, periodId, ValueArray.From(grades)));
        return await SaveAndDeliverAsync(tenantId, setId, stored, stored.Set, lifecycle, events, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Finds the key results overdue for a check-in as of <paramref name="asOf"/> (spec OKR204's condition, for active
    /// objectives in open periods; none when the set turns OKR204 off) and, when there are any, publishes one CheckInsOverdue to the sinks directly (a sweep
    /// changes nothing, so it is not in the outbox: run it again to repeat it).
    /// </summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="setId">The set.</param>
    /// <param name="asOf">The day of the sweep (default: today by the time provider).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<OneOf<OverdueSweep, OkrErrors>> SweepOverdueAsync(string tenantId, string setId, DateOnly? asOf = null, CancellationToken cancellationToken = default)
    {
        Guard.Against.NullOrWhiteSpace(tenantId);
        Guard.Against.NullOrWhiteSpace(setId);
        var stored = await _repository.GetAsync(tenantId, setId, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return OkrRepositoryErrors.NotFound(tenantId, setId);
        }

        var day = asOf ?? Today();
        var overdue = FindOverdue(stored, day);
        if (overdue.Count == 0)
        {
            return new OverdueSweep(overdue, DeliveryReport.None);
        }

        var delivery = await _dispatcher.PublishAsync([new CheckInsOverdue(tenantId, setId, stored.Version, day, overdue)], cancellationToken).ConfigureAwait(false);
        return new OverdueSweep(overdue, delivery);
    }

    /// <summary>Delivers every event still pending in the repository's outbox (call it on start and now and then).</summary>
    /// <param name="cancellationToken">Cancels delivery.</param>
    public Task<DeliveryReport> DeliverPendingAsync(CancellationToken cancellationToken = default) => _dispatcher.DeliverPendingAsync(_repository, cancellationToken: cancellationToken);

    /// <summary>
    /// The key results of <paramref name="stored"/> overdue for a check-in as of <paramref name="asOf"/> (OKR204's condition;
    /// active objectives, open periods); none when the set's settings turn OKR204 off.
    /// </summary>
    /// <param name="stored">The stored set.</param>
    /// <param name="asOf">The day.</param>
    public static ValueArray<OverdueKeyResult> FindOverdue(StoredOkrSet stored, DateOnly asOf)
    {
        Guard.Against.Null(stored);
        var set = stored.Set;
        if (set.Settings.SeverityOverride("OKR204") == RuleSeverity.Off)
        {
            // The set turned the stale-key-result rule off: its owners asked not to be reminded.
            return default;
        }

        var staleAfter = set.Settings.StaleAfterDays;
        var result = new List<OverdueKeyResult>();
        foreach (var objective in set.Objectives)
        {
            var period = set.Periods.FirstOrDefault(p => p.Id == objective.PeriodId);
            if (period is null || !period.Contains(asOf) || stored.Lifecycle.IsPeriodClosed(period.Id) || stored.Lifecycle.StateOf(objective.Id) != ObjectiveState.Active)
            {
                continue;
            }

            foreach (var keyResult in objective.KeyResults)
            {
                if (!keyResult.Definition.IsMeasured)
                {
                    continue;
                }

                var last = keyResult.LatestCheckIn(asOf)?.At;
                var days = asOf.DayNumber - (last ?? period.Start).DayNumber;
                if (days > staleAfter)
                {
                    result.Add(new OverdueKeyResult(objective.Id, keyResult.Id, last, days));
                }
            }
        }

        return ValueArray.From(result);
    }

    private static (Objective Objective, KeyResult KeyResult)? FindKeyResult(OkrSet set, string keyResultId)
    {
        foreach (var objective in set.Objectives)
        {
            foreach (var keyResult in objective.KeyResults)
            {
                if (keyResult.Id == keyResultId)
                {
                    return (objective, keyResult);
                }
            }
        }

        return null;
    }

    private async Task<OneOf<WorkflowOutcome, OkrErrors>> SaveAndDeliverAsync(
        string tenantId,
        string setId,
        StoredOkrSet stored,
        OkrSet set,
        OkrLifecycle lifecycle,
        IReadOnlyList<OkrEvent> events,
        CancellationToken cancellationToken)
    {
        var saved = await _repository.SaveAsync(tenantId, setId, set, lifecycle, stored.Version, events, cancellationToken).ConfigureAwait(false);
        if (saved.TryPickT1(out var errors, out var ok))
        {
            return errors;
        }

        var delivery = await _dispatcher.DeliverCommittedAsync(_repository, ok.Outbox, cancellationToken).ConfigureAwait(false);
        return new WorkflowOutcome(ok.Version, ValueArray.From(events), default, delivery);
    }
}

/// <summary>What a workflow step did: the new version, the events it published, what it re-evaluated, and how delivery went.</summary>
/// <param name="Version">The set's new version.</param>
/// <param name="Events">The events stored with the change, in order.</param>
/// <param name="Reevaluated">The ids re-evaluated by a check-in (the key result and what depends on it), children first; empty otherwise.</param>
/// <param name="Delivery">
/// How delivery to the sinks went; failed events stay pending in the outbox. Once the change is stored the outcome is
/// returned whatever delivery meets: a cancellation or a store failure while delivering is its
/// <see cref="DeliveryReport.Interruption"/>, not an exception, so a caller never retries a change that was stored.
/// </param>
public sealed record WorkflowOutcome(long Version, ValueArray<OkrEvent> Events, ValueArray<string> Reevaluated, DeliveryReport Delivery)
{
    /// <summary>The set's new version.</summary>
    public long Version { get; } = Version;

    /// <summary>The events stored with the change, in order.</summary>
    public ValueArray<OkrEvent> Events { get; } = Events;

    /// <summary>The ids re-evaluated by a check-in (the key result and what depends on it), children first; empty otherwise.</summary>
    public ValueArray<string> Reevaluated { get; } = Reevaluated;

    /// <summary>How delivery to the sinks went; failed events stay pending in the outbox (see <see cref="DeliveryReport.Interruption"/>).</summary>
    public DeliveryReport Delivery { get; } = Delivery;
}

/// <summary>What an overdue sweep found and how its event was delivered.</summary>
/// <param name="Overdue">The overdue key results, in set order.</param>
/// <param name="Delivery">How delivery of CheckInsOverdue went (nothing delivered when none is overdue).</param>
public sealed record OverdueSweep(ValueArray<OverdueKeyResult> Overdue, DeliveryReport Delivery)
{
    /// <summary>The overdue key results, in set order.</summary>
    public ValueArray<OverdueKeyResult> Overdue { get; } = Overdue;

    /// <summary>How delivery of CheckInsOverdue went (nothing delivered when none is overdue).</summary>
    public DeliveryReport Delivery { get; } = Delivery;
}
