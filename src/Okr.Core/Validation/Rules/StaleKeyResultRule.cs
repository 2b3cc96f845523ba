using System.Globalization;
namespace Okr.Core.Validation.Rules;

/// <summary>
/// OKR204: during its period, a measured key result's latest check-in (none: the period start) is more than
/// <see cref="OkrSettings.StaleAfterDays"/> days before the day of evaluation.
/// </summary>
public sealed class StaleKeyResultRule : IOkrRule
{
    /// <inheritdoc />
    public OkrRuleDescriptor Descriptor { get; } = new(
        "OKR204",
        "Stale key result",
        OkrSeverity.Warning,
        "Fires during the period when a key result of kind increase, decrease, atLeast, atMost, within or milestone has had no check-in for more than staleAfterDays (14) days (counting from the period start when it has none). Record a check-in.",
        "Weekly check-ins keep OKRs alive; a number nobody updates is not being managed.");

    /// <inheritdoc />
    public void Check(OkrRuleContext context, RuleReporter report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        var asOf = context.AsOf;
        var staleAfter = context.Settings.StaleAfterDays;
        foreach (var objective in context.Set.Objectives)
        {
            var period = context.Period(objective.PeriodId);
            if (!period.Contains(asOf))
            {
                continue;
            }

            foreach (var keyResult in objective.KeyResults)
            {
                if (keyResult.Kind is KeyResultKind.Checklist or KeyResultKind.Rollup)
                {
                    continue;
                }

                var last = keyResult.LatestCheckIn(asOf)?.At;
                var since = last ?? period.Start;
                var days = asOf.DayNumber - since.DayNumber;
                if (days > staleAfter)
                {
                    report(keyResult.Id, last is null
                        ? $"Key result '{keyResult.Id}' has had no check-in in the {days} days since the period started (limit {staleAfter}): record a check-in."
                        : string.Create(CultureInfo.InvariantCulture, $"Key result '{keyResult.Id}' was last checked in on {last:yyyy-MM-dd}, {days} days ago (limit {staleAfter}): record a check-in."));
                }
            }
        }
    }
}
