using System.Runtime.CompilerServices;

namespace Okr.Core;

/// <summary>The status rules of spec section 6, applied in order. The evaluation loop and every other caller decide through <see cref="Decide(in PaceAsOf, in StatusThresholds, double, bool, int)"/>.</summary>
internal static class StatusRules
{
    /// <summary>Rule 5's threshold, tolerance included.</summary>
    private const double AchievedFloor = 1 - ScoreMath.Tolerance;

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
        => Decide(PaceAsOf.For(new PaceClass(periodStart, periodEnd, successTarget), asOf), StatusThresholds.Of(settings), score ?? double.NaN, isPending, latestConfidence ?? -1);

    /// <summary>
    /// Rules 1-7 for a node with <paramref name="score"/> (NaN: unscored), its pending flag and its latest check-in's
    /// confidence (-1: none, or not a key result), given its period and success target as of the day.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static OkrStatus Decide(in PaceAsOf pace, in StatusThresholds thresholds, double score, bool pending, int confidence)
    {
        var unscored = double.IsNaN(score);
        if (pace.NotStarted | pace.Ended | pending | unscored)
        {
            // Rules 1-4: not started, unscored, after the period, pending.
            return pace.NotStarted ? OkrStatus.NotStarted
                : unscored ? OkrStatus.Pending
                : pace.Ended ? (score >= pace.SuccessFloor ? OkrStatus.Met : OkrStatus.Missed)
                : OkrStatus.Pending;
        }

        // Rules 5-7 as a rank (offTrack, atRisk, onTrack, achieved) from comparisons rather than branches: which one
        // applies varies from node to node, so a branch would often be mispredicted in the evaluation loop.
        var rank = PaceRank(score - pace.Expected, thresholds);
        rank -= (rank == 2) & ((uint)confidence <= thresholds.LowConfidence) ? 1 : 0; // rule 7; no confidence is -1
        var achieved = score >= AchievedFloor ? 1 : 0;
        rank += achieved * (3 - rank); // 3 when achieved (rule 5), else unchanged
        return (OkrStatus)StatusByRank[rank];
    }

    /// <summary>Rule 6: compare the score with the expected pace.</summary>
    public static OkrStatus Pace(double score, double expected, OkrSettings settings)
        => (OkrStatus)StatusByRank[PaceRank(score - expected, StatusThresholds.Of(settings))];

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

    public static OkrStatus FromWorstRank(int rank) => (OkrStatus)StatusByRank[Math.Min(rank, 3)];

    /// <summary>Rule 6 as a rank: 2 onTrack, 1 atRisk, 0 offTrack.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int PaceRank(double gap, in StatusThresholds thresholds)
        => (gap >= thresholds.OnTrackFloor ? 1 : 0) + (gap >= thresholds.AtRiskFloor ? 1 : 0);

    private static ReadOnlySpan<byte> StatusByRank => [(byte)OkrStatus.OffTrack, (byte)OkrStatus.AtRisk, (byte)OkrStatus.OnTrack, (byte)OkrStatus.Achieved];
}

/// <summary>The settings' part of rules 6 and 7, tolerance included: the gap floors <c>-onTrackGap - 1e-9</c> and <c>-atRiskGap - 1e-9</c>, and the low confidence.</summary>
internal readonly record struct StatusThresholds(double OnTrackFloor, double AtRiskFloor, uint LowConfidence)
{
    public static StatusThresholds Of(OkrSettings settings)
        => new(-settings.OnTrackGap - ScoreMath.Tolerance, -settings.AtRiskGap - ScoreMath.Tolerance, (uint)settings.LowConfidence);
}

/// <summary>A period and success target as of one day: the parts of rules 1, 3 and 6 that do not depend on the score.</summary>
internal struct PaceAsOf
{
    public bool NotStarted;
    public bool Ended;

    /// <summary><c>elapsed(d) * s*</c>.</summary>
    public double Expected;

    /// <summary><c>s* - 1e-9</c>: the score that is met after the period ends.</summary>
    public double SuccessFloor;

    public static PaceAsOf For(PaceClass pace, DateOnly asOf) => new()
    {
        NotStarted = asOf < pace.Start,
        Ended = asOf > pace.End,
        Expected = Period.Elapsed(pace.Start, pace.End, asOf) * pace.SuccessTarget,
        SuccessFloor = pace.SuccessTarget - ScoreMath.Tolerance,
    };
}

/// <summary>What a node's status depends on besides its score: its period and success target.</summary>
internal readonly record struct PaceClass(DateOnly Start, DateOnly End, double SuccessTarget);
