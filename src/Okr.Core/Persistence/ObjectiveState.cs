namespace Okr.Core.Persistence;

/// <summary>
/// Where an objective is in its lifecycle: <see cref="Draft"/> -&gt; <see cref="Active"/> -&gt; <see cref="Closed"/>
/// -&gt; <see cref="Archived"/>. Only these forward steps are allowed (see <see cref="OkrLifecycle.CanTransition"/>).
/// </summary>
public enum ObjectiveState
{
    /// <summary>Being written: takes no check-ins yet. Objectives not listed in a lifecycle are drafts.</summary>
    Draft = 0,

    /// <summary>Live for its period: takes check-ins.</summary>
    Active = 1,

    /// <summary>Graded and read-only: takes no more check-ins.</summary>
    Closed = 2,

    /// <summary>Kept for history only.</summary>
    Archived = 3,
}
