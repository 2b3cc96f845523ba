namespace Okr.Core;

/// <summary>The status rules of spec section 6, applied in order.</summary>
internal static class StatusRules
{
    /// <summary>Rules 1-6 (and 7 for a key result when <paramref name="latestConfidence"/> is given).</summary>
    public static OkrStatus Decide(
        double? score,
        bool isPending,
        DateOnly periodStart,
        DateOnly periodEnd,
        double successTarget,
        DateOnly asOf,
        OkrSettings settings,
        int? latestConfidence)
    {
        if (asOf < periodStart)
        {
            return OkrStatus.NotStarted;
        }

        if (score is not { } x)
        {
            return OkrStatus.Pending;
        }

        if (asOf > periodEnd)
        {
            return ScoreMath.Reaches(x, successTarget) ? OkrStatus.Met : OkrStatus.Missed;
        }

        if (isPending)
        {
            return OkrStatus.Pending;
        }

        if (ScoreMath.Reaches(x, 1))
        {
            return OkrStatus.Achieved;
        }

        var pace = Pace(x, Period.Elapsed(periodStart, periodEnd, asOf) * successTarget, settings);
        return pace == OkrStatus.OnTrack && latestConfidence <= settings.LowConfidence ? OkrStatus.AtRisk : pace;
    }

    /// <summary>Rule 6: compare the score with the expected pace.</summary>
    public static OkrStatus Pace(double score, double expected, OkrSettings settings)
    {
        var gap = score - expected;
        return ScoreMath.Reaches(gap, -settings.OnTrackGap) ? OkrStatus.OnTrack
            : ScoreMath.Reaches(gap, -settings.AtRiskGap) ? OkrStatus.AtRisk
            : OkrStatus.OffTrack;
    }

    /// <summary>Whether an objective's own status came from rule 5 or 6 (the only ones "worst" mode replaces).</summary>
    public static bool IsUnderWay(OkrStatus status) => status is OkrStatus.Achieved or OkrStatus.OnTrack or OkrStatus.AtRisk or OkrStatus.OffTrack;

    /// <summary>Rank for "worst" mode: offTrack &lt; atRisk &lt; onTrack &lt; achieved; -1 for statuses left out.</summary>
    public static int WorstRank(OkrStatus status) => status switch
    {
        OkrStatus.OffTrack or OkrStatus.Missed => 0,
        OkrStatus.AtRisk => 1,
        OkrStatus.OnTrack => 2,
        OkrStatus.Achieved or OkrStatus.Met => 3,
        _ => -1,
    };

    public static OkrStatus FromWorstRank(int rank) => rank switch
    {
        0 => OkrStatus.OffTrack,
        1 => OkrStatus.AtRisk,
        2 => OkrStatus.OnTrack,
        _ => OkrStatus.Achieved,
    };
}
