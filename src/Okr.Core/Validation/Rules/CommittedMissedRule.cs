using System.Globalization;
namespace Okr.Core.Validation.Rules;

/// <summary>OKR205: a committed objective's status is missed.</summary>
public sealed class CommittedMissedRule : IOkrRule
{
    /// <inheritdoc />
    public OkrRuleDescriptor Descriptor { get; } = new(
        "OKR205",
        "Committed objective missed",
        OkrSeverity.Warning,
        "Fires after the period when a committed objective did not reach 1.0 (status missed). Hold a retrospective: what blocked it, and what changes next period.",
        "Committed OKRs are promises; a miss calls for a look at planning and capacity.");

    /// <inheritdoc />
    public void Check(OkrRuleContext context, RuleReporter report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        foreach (var objective in context.Set.Objectives)
        {
            if (objective.Commitment == Commitment.Committed && context.Evaluation.StatusOf(objective.Id) == OkrStatus.Missed)
            {
                report(objective.Id, string.Create(CultureInfo.InvariantCulture, $"Committed objective '{objective.Id}' was missed (score {context.Evaluation.ScoreOf(objective.Id):0.00} of 1.0): hold a retrospective."));
            }
        }
    }
}
