namespace Okr.Core.Validation.Rules;

/// <summary>OKR107: an aligned objective's period does not overlap its parent's period.</summary>
public sealed class PeriodMismatchRule : IOkrRule
{
    /// <inheritdoc />
    public OkrRuleDescriptor Descriptor { get; } = new(
        "OKR107",
        "Aligned across periods that do not overlap",
        OkrSeverity.Warning,
        "Fires when an objective aligns to an objective (or a key result of one) whose period shares no day with its own. Align it to the parent's objective of the matching period.",
        "Alignment is about the same time frame: a Q3 team goal cannot feed a Q4 company goal.");

    /// <inheritdoc />
    public void Check(OkrRuleContext context, RuleReporter report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        foreach (var objective in context.Set.Objectives)
        {
            var period = context.Period(objective.PeriodId);
            foreach (var link in objective.AlignsTo)
            {
                var parent = link.TargetKind == AlignmentTargetKind.Objective ? context.Objective(link.TargetId) : context.ObjectiveOfKeyResult(link.TargetId);
                var parentPeriod = context.Period(parent.PeriodId);
                if (!period.Overlaps(parentPeriod))
                {
                    report(objective.Id, $"Objective '{objective.Id}' ({period.Id}) aligns to '{link.TargetId}' whose period {parentPeriod.Id} does not overlap: align it to work of the same period.");
                }
            }
        }
    }
}
