using System.Globalization;
namespace Okr.Core.Validation.Rules;

/// <summary>OKR109: a check-in is dated before its objective's period starts or after it ends.</summary>
public sealed class CheckInOutsidePeriodRule : IOkrRule
{
    /// <inheritdoc />
    public OkrRuleDescriptor Descriptor { get; } = new(
        "OKR109",
        "Check-in outside the period",
        OkrSeverity.Warning,
        "Fires once per key result that has a check-in dated outside its objective's period. Fix the date, or record it on the next period's key result.",
        "Progress belongs to the period it was made in.");

    /// <inheritdoc />
    public void Check(OkrRuleContext context, RuleReporter report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        foreach (var objective in context.Set.Objectives)
        {
            var period = context.Period(objective.PeriodId);
            foreach (var keyResult in objective.KeyResults)
            {
                // The first check-in outside the period, in document order (a loop: this runs for every key result).
                foreach (var checkIn in keyResult.CheckIns.AsSpan())
                {
                    if (!period.Contains(checkIn.At))
                    {
                        var day = checkIn.At;
                        report(keyResult.Id, string.Create(CultureInfo.InvariantCulture, $"Key result '{keyResult.Id}' has a check-in dated {day:yyyy-MM-dd}, outside period {period.Id} ({period.Start:yyyy-MM-dd}..{period.End:yyyy-MM-dd}): fix the date."));
                        break;
                    }
                }
            }
        }
    }
}
