namespace Okr.Core.Persistence;

/// <summary>
/// The stable codes of storage and workflow errors (OKR3xx). Like OKR0xx they are errors about data or state,
/// returned as <see cref="OkrErrors"/>, never thrown.
/// </summary>
public static class OkrPersistenceCodes
{
    /// <summary>The set changed since it was read (optimistic concurrency): read it again and retry.</summary>
    public const string VersionConflict = "OKR301";

    /// <summary>An objective lifecycle step other than draft -&gt; active -&gt; closed -&gt; archived.</summary>
    public const string InvalidTransition = "OKR302";

    /// <summary>The period is closed: it is read-only.</summary>
    public const string PeriodClosed = "OKR303";

    /// <summary>The objective is not active (draft, closed or archived), so it takes no check-ins.</summary>
    public const string ObjectiveNotActive = "OKR304";

    /// <summary>The check-in's day lies outside its objective's period.</summary>
    public const string CheckInOutsidePeriod = "OKR305";

    /// <summary>No set is stored under this tenant and set id.</summary>
    public const string SetNotFound = "OKR306";
}

/// <summary>Helpers to tell storage errors apart.</summary>
public static class OkrErrorsExtensions
{
    /// <summary>Whether <paramref name="errors"/> is a version conflict (OKR301): read again and retry.</summary>
    /// <param name="errors">The errors of a save.</param>
    public static bool IsVersionConflict(this OkrErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Any(e => e.Code == OkrPersistenceCodes.VersionConflict);
    }
}
