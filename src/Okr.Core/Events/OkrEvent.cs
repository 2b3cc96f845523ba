using Ardalis.GuardClauses;

namespace Okr.Core.Events;

/// <summary>
/// A domain event: something that happened to a tenant's OKR set. Payloads carry ids and old/new values only,
/// never whole objects. Delivery is at least once: a sink may see an event twice and should treat
/// (<see cref="TenantId"/>, <see cref="SetId"/>, <see cref="Version"/>, event type, subject id) as its identity.
/// </summary>
public abstract record OkrEvent
{
    /// <summary>Sets the common fields.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="setId">The OKR set.</param>
    /// <param name="version">The set version the event belongs to (the version the change created).</param>
    /// <param name="asOf">The day the change was evaluated as of.</param>
    protected OkrEvent(string tenantId, string setId, long version, DateOnly asOf)
    {
        TenantId = Guard.Against.NullOrWhiteSpace(tenantId);
        SetId = Guard.Against.NullOrWhiteSpace(setId);
        Version = Guard.Against.Negative(version);
        AsOf = asOf;
    }

    /// <summary>The tenant.</summary>
    public string TenantId { get; }

    /// <summary>The OKR set.</summary>
    public string SetId { get; }

    /// <summary>The set version the event belongs to (the version the change created).</summary>
    public long Version { get; }

    /// <summary>The day the change was evaluated as of.</summary>
    public DateOnly AsOf { get; }
}

/// <summary>A check-in was stored.</summary>
/// <param name="TenantId">The tenant.</param>
/// <param name="SetId">The OKR set.</param>
/// <param name="Version">The set version created.</param>
/// <param name="AsOf">The day evaluated.</param>
/// <param name="ObjectiveId">The key result's objective.</param>
/// <param name="KeyResultId">The key result.</param>
/// <param name="At">The check-in's day.</param>
/// <param name="Value">The measured value.</param>
/// <param name="Confidence">The confidence 0-10, or null.</param>
public sealed record CheckInRecorded(string TenantId, string SetId, long Version, DateOnly AsOf, string ObjectiveId, string KeyResultId, DateOnly At, decimal Value, int? Confidence)
    : OkrEvent(TenantId, SetId, Version, AsOf)
{
    /// <summary>The key result's objective.</summary>
    public string ObjectiveId { get; } = ObjectiveId;

    /// <summary>The key result.</summary>
    public string KeyResultId { get; } = KeyResultId;

    /// <summary>The check-in's day.</summary>
    public DateOnly At { get; } = At;

    /// <summary>The measured value.</summary>
    public decimal Value { get; } = Value;

    /// <summary>The confidence 0-10, or null.</summary>
    public int? Confidence { get; } = Confidence;
}

/// <summary>A key result's status changed (e.g. onTrack -&gt; atRisk).</summary>
/// <param name="TenantId">The tenant.</param>
/// <param name="SetId">The OKR set.</param>
/// <param name="Version">The set version created.</param>
/// <param name="AsOf">The day evaluated.</param>
/// <param name="ObjectiveId">The key result's objective.</param>
/// <param name="KeyResultId">The key result.</param>
/// <param name="OldStatus">The status before.</param>
/// <param name="NewStatus">The status after.</param>
/// <param name="OldScore">The score before, or null.</param>
/// <param name="NewScore">The score after, or null.</param>
public sealed record KeyResultStatusChanged(string TenantId, string SetId, long Version, DateOnly AsOf, string ObjectiveId, string KeyResultId, OkrStatus OldStatus, OkrStatus NewStatus, double? OldScore, double? NewScore)
    : OkrEvent(TenantId, SetId, Version, AsOf)
{
    /// <summary>The key result's objective.</summary>
    public string ObjectiveId { get; } = ObjectiveId;

    /// <summary>The key result.</summary>
    public string KeyResultId { get; } = KeyResultId;

    /// <summary>The status before.</summary>
    public OkrStatus OldStatus { get; } = OldStatus;

    /// <summary>The status after.</summary>
    public OkrStatus NewStatus { get; } = NewStatus;

    /// <summary>The score before, or null.</summary>
    public double? OldScore { get; } = OldScore;

    /// <summary>The score after, or null.</summary>
    public double? NewScore { get; } = NewScore;
}

/// <summary>An objective's status changed (e.g. onTrack -&gt; atRisk).</summary>
/// <param name="TenantId">The tenant.</param>
/// <param name="SetId">The OKR set.</param>
/// <param name="Version">The set version created.</param>
/// <param name="AsOf">The day evaluated.</param>
/// <param name="ObjectiveId">The objective.</param>
/// <param name="OldStatus">The status before.</param>
/// <param name="NewStatus">The status after.</param>
/// <param name="OldScore">The score before, or null.</param>
/// <param name="NewScore">The score after, or null.</param>
public sealed record ObjectiveStatusChanged(string TenantId, string SetId, long Version, DateOnly AsOf, string ObjectiveId, OkrStatus OldStatus, OkrStatus NewStatus, double? OldScore, double? NewScore)
    : OkrEvent(TenantId, SetId, Version, AsOf)
{
    /// <summary>The objective.</summary>
    public string ObjectiveId { get; } = ObjectiveId;

    /// <summary>The status before.</summary>
    public OkrStatus OldStatus { get; } = OldStatus;

    /// <summary>The status after.</summary>
    public OkrStatus NewStatus { get; } = NewStatus;

    /// <summary>The score before, or null.</summary>
    public double? OldScore { get; } = OldScore;

    /// <summary>The score after, or null.</summary>
    public double? NewScore { get; } = NewScore;
}

/// <summary>A key result's score reached 1 (it was below 1 or unscored before).</summary>
/// <param name="TenantId">The tenant.</param>
/// <param name="SetId">The OKR set.</param>
/// <param name="Version">The set version created.</param>
/// <param name="AsOf">The day evaluated.</param>
/// <param name="ObjectiveId">The key result's objective.</param>
/// <param name="KeyResultId">The key result.</param>
public sealed record KeyResultAchieved(string TenantId, string SetId, long Version, DateOnly AsOf, string ObjectiveId, string KeyResultId)
    : OkrEvent(TenantId, SetId, Version, AsOf)
{
    /// <summary>The key result's objective.</summary>
    public string ObjectiveId { get; } = ObjectiveId;

    /// <summary>The key result.</summary>
    public string KeyResultId { get; } = KeyResultId;
}

/// <summary>An objective's score reached 1 (it was below 1 or unscored before).</summary>
/// <param name="TenantId">The tenant.</param>
/// <param name="SetId">The OKR set.</param>
/// <param name="Version">The set version created.</param>
/// <param name="AsOf">The day evaluated.</param>
/// <param name="ObjectiveId">The objective.</param>
public sealed record ObjectiveAchieved(string TenantId, string SetId, long Version, DateOnly AsOf, string ObjectiveId)
    : OkrEvent(TenantId, SetId, Version, AsOf)
{
    /// <summary>The objective.</summary>
    public string ObjectiveId { get; } = ObjectiveId;
}

/// <summary>An objective moved in its lifecycle (draft -&gt; active -&gt; closed -&gt; archived).</summary>
/// <param name="TenantId">The tenant.</param>
/// <param name="SetId">The OKR set.</param>
/// <param name="Version">The set version created.</param>
/// <param name="AsOf">The day of the change.</param>
/// <param name="ObjectiveId">The objective.</param>
/// <param name="OldState">The state before.</param>
/// <param name="NewState">The state after.</param>
public sealed record ObjectiveStateChanged(string TenantId, string SetId, long Version, DateOnly AsOf, string ObjectiveId, Persistence.ObjectiveState OldState, Persistence.ObjectiveState NewState)
    : OkrEvent(TenantId, SetId, Version, AsOf)
{
    /// <summary>The objective.</summary>
    public string ObjectiveId { get; } = ObjectiveId;

    /// <summary>The state before.</summary>
    public Persistence.ObjectiveState OldState { get; } = OldState;

    /// <summary>The state after.</summary>
    public Persistence.ObjectiveState NewState { get; } = NewState;
}

/// <summary>One objective's final result when its period closed.</summary>
/// <param name="ObjectiveId">The objective.</param>
/// <param name="Score">Its final score, or null when unscored.</param>
/// <param name="Grade">Its grade label, or null when unscored.</param>
/// <param name="Met">Whether its score reached its success target (status met).</param>
public sealed record ObjectiveFinalGrade(string ObjectiveId, double? Score, string? Grade, bool Met)
{
    /// <summary>The objective.</summary>
    public string ObjectiveId { get; } = ObjectiveId;

    /// <summary>Its final score, or null when unscored.</summary>
    public double? Score { get; } = Score;

    /// <summary>Its grade label, or null when unscored.</summary>
    public string? Grade { get; } = Grade;

    /// <summary>Whether its score reached its success target (status met).</summary>
    public bool Met { get; } = Met;
}

/// <summary>A period was closed: it is read-only from now on; each of its closed objectives' final grade and met/missed.</summary>
/// <param name="TenantId">The tenant.</param>
/// <param name="SetId">The OKR set.</param>
/// <param name="Version">The set version created.</param>
/// <param name="AsOf">The day graded: the day after the period's end.</param>
/// <param name="PeriodId">The period.</param>
/// <param name="Objectives">The final grade of each objective closed in the period, in set order.</param>
public sealed record PeriodClosed(string TenantId, string SetId, long Version, DateOnly AsOf, string PeriodId, ValueArray<ObjectiveFinalGrade> Objectives)
    : OkrEvent(TenantId, SetId, Version, AsOf)
{
    /// <summary>The period.</summary>
    public string PeriodId { get; } = PeriodId;

    /// <summary>The final grade of each objective closed in the period, in set order.</summary>
    public ValueArray<ObjectiveFinalGrade> Objectives { get; } = Objectives;
}

/// <summary>A key result overdue for a check-in (spec OKR204's condition).</summary>
/// <param name="ObjectiveId">The key result's objective.</param>
/// <param name="KeyResultId">The key result.</param>
/// <param name="LastCheckIn">Its latest check-in's day, or null when it has none.</param>
/// <param name="DaysSince">Days since the latest check-in (with none: since the period start).</param>
public sealed record OverdueKeyResult(string ObjectiveId, string KeyResultId, DateOnly? LastCheckIn, int DaysSince)
{
    /// <summary>The key result's objective.</summary>
    public string ObjectiveId { get; } = ObjectiveId;

    /// <summary>The key result.</summary>
    public string KeyResultId { get; } = KeyResultId;

    /// <summary>Its latest check-in's day, or null when it has none.</summary>
    public DateOnly? LastCheckIn { get; } = LastCheckIn;

    /// <summary>Days since the latest check-in (with none: since the period start).</summary>
    public int DaysSince { get; } = DaysSince;
}

/// <summary>A sweep found key results of active objectives overdue for a check-in as of a day (spec OKR204's condition).</summary>
/// <param name="TenantId">The tenant.</param>
/// <param name="SetId">The OKR set.</param>
/// <param name="Version">The set version swept (no change is made).</param>
/// <param name="AsOf">The day of the sweep.</param>
/// <param name="KeyResults">The overdue key results, in set order.</param>
public sealed record CheckInsOverdue(string TenantId, string SetId, long Version, DateOnly AsOf, ValueArray<OverdueKeyResult> KeyResults)
    : OkrEvent(TenantId, SetId, Version, AsOf)
{
    /// <summary>The overdue key results, in set order.</summary>
    public ValueArray<OverdueKeyResult> KeyResults { get; } = KeyResults;
}

/// <summary>
/// Stands in for an outbox entry a store could not turn back into its event: its type is no longer in the process (a
/// host event type removed or renamed, a deployment rolled back) or its payload no longer fits the type. Dispatchers
/// hand it to no sink: it is reported as a <see cref="SinkFailure"/> (sink <c>"outbox"</c>) and stays pending, so the
/// other entries are still delivered and this one is once its type is back.
/// </summary>
/// <param name="TenantId">The tenant of the entry.</param>
/// <param name="SetId">The OKR set of the entry.</param>
/// <param name="Version">The set version the entry belongs to.</param>
/// <param name="EventType">The event type the entry names, as stored.</param>
/// <param name="Problem">Why it cannot be read.</param>
public sealed record UnreadableOutboxEvent(string TenantId, string SetId, long Version, string EventType, string Problem)
    : OkrEvent(TenantId, SetId, Version, DateOnly.MinValue)
{
    /// <summary>The event type the entry names, as stored.</summary>
    public string EventType { get; } = Guard.Against.Null(EventType);

    /// <summary>Why it cannot be read.</summary>
    public string Problem { get; } = Guard.Against.NullOrWhiteSpace(Problem);
}
