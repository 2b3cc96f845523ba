using System.Collections.Immutable;
using Ardalis.GuardClauses;
using OneOf;

namespace Okr.Core.Persistence;

/// <summary>
/// The lifecycle state kept beside an <see cref="OkrSet"/>: each objective's <see cref="ObjectiveState"/> (objectives
/// not listed are drafts) and the ids of closed periods (read-only). Immutable; "changes" return a new value.
/// </summary>
public sealed class OkrLifecycle : IEquatable<OkrLifecycle>
{
    private OkrLifecycle(ImmutableSortedDictionary<string, ObjectiveState> states, ImmutableSortedSet<string> closedPeriods)
    {
        ObjectiveStates = states;
        ClosedPeriods = closedPeriods;
    }

    /// <summary>Creates a lifecycle from objective states and closed period ids.</summary>
    /// <param name="objectiveStates">State per objective id.</param>
    /// <param name="closedPeriods">Ids of closed periods.</param>
    public OkrLifecycle(IEnumerable<KeyValuePair<string, ObjectiveState>> objectiveStates, IEnumerable<string> closedPeriods)
        : this(
            ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, Guard.Against.Null(objectiveStates)),
            ImmutableSortedSet.CreateRange(StringComparer.Ordinal, Guard.Against.Null(closedPeriods)))
    {
        foreach (var state in ObjectiveStates.Values)
        {
            Guard.Against.EnumOutOfRange(state, nameof(objectiveStates));
        }
    }

    /// <summary>Every objective a draft, no period closed.</summary>
    public static OkrLifecycle Empty { get; } = new(
        ImmutableSortedDictionary.Create<string, ObjectiveState>(StringComparer.Ordinal),
        ImmutableSortedSet.Create<string>(StringComparer.Ordinal));

    /// <summary>The state of each listed objective (ordinal id order).</summary>
    public ImmutableSortedDictionary<string, ObjectiveState> ObjectiveStates { get; }

    /// <summary>The ids of closed (read-only) periods.</summary>
    public ImmutableSortedSet<string> ClosedPeriods { get; }

    /// <summary>A lifecycle with every objective of <paramref name="set"/> active and no period closed.</summary>
    /// <param name="set">The set.</param>
    public static OkrLifecycle AllActive(OkrSet set)
    {
        Guard.Against.Null(set);
        return new OkrLifecycle(set.Objectives.Select(o => KeyValuePair.Create(o.Id, ObjectiveState.Active)), []);
    }

    /// <summary>Whether the lifecycle allows <paramref name="from"/> -&gt; <paramref name="to"/>: draft -&gt; active -&gt; closed -&gt; archived.</summary>
    /// <param name="from">The current state.</param>
    /// <param name="to">The wanted state.</param>
    public static bool CanTransition(ObjectiveState from, ObjectiveState to) => (from, to) is
        (ObjectiveState.Draft, ObjectiveState.Active) or
        (ObjectiveState.Active, ObjectiveState.Closed) or
        (ObjectiveState.Closed, ObjectiveState.Archived);

    /// <summary>The state of objective <paramref name="objectiveId"/>; <see cref="ObjectiveState.Draft"/> when not listed.</summary>
    /// <param name="objectiveId">The objective's id.</param>
    public ObjectiveState StateOf(string objectiveId)
    {
        Guard.Against.Null(objectiveId);
        return ObjectiveStates.TryGetValue(objectiveId, out var state) ? state : ObjectiveState.Draft;
    }

    /// <summary>Whether period <paramref name="periodId"/> is closed (read-only).</summary>
    /// <param name="periodId">The period's id.</param>
    public bool IsPeriodClosed(string periodId)
    {
        Guard.Against.Null(periodId);
        return ClosedPeriods.Contains(periodId);
    }

    /// <summary>
    /// Moves objective <paramref name="objectiveId"/> to <paramref name="to"/>, or returns OKR302 when the lifecycle does not
    /// allow the step (e.g. draft -&gt; closed, or back from archived).
    /// </summary>
    /// <param name="objectiveId">The objective's id.</param>
    /// <param name="to">The wanted state.</param>
    public OneOf<OkrLifecycle, OkrErrors> TryTransition(string objectiveId, ObjectiveState to)
    {
        Guard.Against.NullOrWhiteSpace(objectiveId);
        Guard.Against.EnumOutOfRange(to);
        var from = StateOf(objectiveId);
        if (!CanTransition(from, to))
        {
            return OkrErrors.Single(
                OkrPersistenceCodes.InvalidTransition,
                objectiveId,
                $"Objective '{objectiveId}' is {Name(from)} and cannot become {Name(to)}: objectives go draft -> active -> closed -> archived, one step at a time.");
        }

        return WithState(objectiveId, to);
    }

    /// <summary>
    /// Closes period <paramref name="periodId"/> of <paramref name="set"/>: the period becomes read-only and each of its
    /// active objectives becomes closed. Returns OKR004 for an unknown period, OKR303 when it is already closed.
    /// </summary>
    /// <param name="set">The set the period belongs to.</param>
    /// <param name="periodId">The period's id.</param>
    public OneOf<OkrLifecycle, OkrErrors> TryClosePeriod(OkrSet set, string periodId)
    {
        Guard.Against.Null(set);
        Guard.Against.NullOrWhiteSpace(periodId);
        if (!set.Periods.Any(p => p.Id == periodId))
        {
            return OkrErrors.Single(OkrCodes.UnknownReference, periodId, $"The set has no period '{periodId}': close one of its periods.");
        }

        if (IsPeriodClosed(periodId))
        {
            return OkrErrors.Single(OkrPersistenceCodes.PeriodClosed, periodId, $"Period '{periodId}' is already closed: a closed period is read-only.");
        }

        var result = new OkrLifecycle(ObjectiveStates, ClosedPeriods.Add(periodId));
        foreach (var objective in set.Objectives)
        {
            if (objective.PeriodId == periodId && result.StateOf(objective.Id) == ObjectiveState.Active)
            {
                result = result.WithState(objective.Id, ObjectiveState.Closed);
            }
        }

        return result;
    }

    /// <summary>Returns a copy with objective <paramref name="objectiveId"/> in <paramref name="state"/>, without lifecycle checks (for stores loading data).</summary>
    /// <param name="objectiveId">The objective's id.</param>
    /// <param name="state">Its state.</param>
    public OkrLifecycle WithState(string objectiveId, ObjectiveState state)
    {
        Guard.Against.NullOrWhiteSpace(objectiveId);
        Guard.Against.EnumOutOfRange(state);
        return new OkrLifecycle(ObjectiveStates.SetItem(objectiveId, state), ClosedPeriods);
    }

    /// <summary>The okr-style name of a state (<c>draft</c>, <c>active</c>, <c>closed</c>, <c>archived</c>).</summary>
    /// <param name="state">The state.</param>
    public static string Name(ObjectiveState state) => state switch
    {
        ObjectiveState.Draft => "draft",
        ObjectiveState.Active => "active",
        ObjectiveState.Closed => "closed",
        ObjectiveState.Archived => "archived",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown objective state."),
    };

    /// <summary>Parses a state name (<c>draft</c>, <c>active</c>, <c>closed</c>, <c>archived</c>; case-sensitive).</summary>
    /// <param name="name">The name.</param>
    /// <param name="state">The state when known.</param>
    public static bool TryParse(string? name, out ObjectiveState state)
    {
        foreach (var candidate in Enum.GetValues<ObjectiveState>())
        {
            if (string.Equals(Name(candidate), name, StringComparison.Ordinal))
            {
                state = candidate;
                return true;
            }
        }

        state = default;
        return false;
    }

    /// <inheritdoc />
    public bool Equals(OkrLifecycle? other) => other is not null
        && ObjectiveStates.SequenceEqual(other.ObjectiveStates)
        && ClosedPeriods.SequenceEqual(other.ClosedPeriods);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as OkrLifecycle);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var (id, state) in ObjectiveStates)
        {
            hash.Add(id, StringComparer.Ordinal);
            hash.Add(state);
        }

        foreach (var period in ClosedPeriods)
        {
            hash.Add(period, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }
}
