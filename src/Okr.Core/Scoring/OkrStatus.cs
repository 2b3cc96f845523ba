namespace Okr.Core;

/// <summary>Where a key result or objective stands as of a day (spec section 6).</summary>
public enum OkrStatus
{
    /// <summary>The day is before its period starts.</summary>
    NotStarted = 0,

    /// <summary>No measurement yet (or nothing counted).</summary>
    Pending = 1,

    /// <summary>At or within the on-track gap of the expected pace.</summary>
    OnTrack = 2,

    /// <summary>Behind the pace by more than the on-track gap but within the at-risk gap (or on track with low confidence).</summary>
    AtRisk = 3,

    /// <summary>Behind the pace by more than the at-risk gap.</summary>
    OffTrack = 4,

    /// <summary>Score 1 reached before the period ended.</summary>
    Achieved = 5,

    /// <summary>The period ended and the score reached the success target.</summary>
    Met = 6,

    /// <summary>The period ended below the success target.</summary>
    Missed = 7,
}

/// <summary>The okr/v1 names of statuses.</summary>
public static class OkrStatusNames
{
    /// <summary>The report name of <paramref name="status"/> (<c>onTrack</c>, <c>notStarted</c>...).</summary>
    /// <param name="status">The status.</param>
    public static string ToName(OkrStatus status) => status switch
    {
        OkrStatus.NotStarted => "notStarted",
        OkrStatus.Pending => "pending",
        OkrStatus.OnTrack => "onTrack",
        OkrStatus.AtRisk => "atRisk",
        OkrStatus.OffTrack => "offTrack",
        OkrStatus.Achieved => "achieved",
        OkrStatus.Met => "met",
        OkrStatus.Missed => "missed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown status."),
    };
}
