namespace Okr.Core.Validation.Rules;

/// <summary>OKR105: an objective of an owner that has a parent owner is aligned to nothing.</summary>
public sealed class UnalignedObjectiveRule : IOkrRule
{
    /// <inheritdoc />
    public OkrRuleDescriptor Descriptor { get; } = new(
        "OKR105",
        "Objective not aligned upward",
        OkrSeverity.Warning,
        "Fires when the owner has a parent owner but the objective's alignsTo is empty. Align it to an objective or key result of the parent, or turn the rule off for deliberately independent work.",
        "Alignment: team OKRs should show how they serve the organisation's objectives.");

    /// <inheritdoc />
    public void Check(OkrRuleContext context, RuleReporter report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        foreach (var objective in context.Set.Objectives)
        {
            var owner = context.Owner(objective.OwnerId);
            if (owner.ParentId is not null && objective.AlignsTo.Count == 0)
            {
                report(objective.Id, $"Objective '{objective.Id}' of '{owner.Id}' (under '{owner.ParentId}') is aligned to nothing: align it to an objective or key result of '{owner.ParentId}'.");
            }
        }
    }
}
