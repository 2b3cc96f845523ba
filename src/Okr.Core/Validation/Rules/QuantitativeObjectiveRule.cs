namespace Okr.Core.Validation.Rules;

/// <summary>OKR201: an objective's title contains a digit.</summary>
public sealed class QuantitativeObjectiveRule : IOkrRule
{
    /// <inheritdoc />
    public OkrRuleDescriptor Descriptor { get; } = new(
        "OKR201",
        "Objective title contains a number",
        OkrSeverity.Warning,
        "Fires when an objective's title contains a digit. Say what you want to achieve in words and move the numbers into key results; turn the rule off where names contain digits.",
        "Objectives are qualitative and inspiring; key results carry the numbers.");

    /// <inheritdoc />
    public void Check(OkrRuleContext context, RuleReporter report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        foreach (var objective in context.Set.Objectives)
        {
            if (ContainsDigit(objective.Title))
            {
                report(objective.Id, $"Objective '{objective.Id}' has a number in its title \"{objective.Title}\": keep the objective qualitative and put the number in a key result.");
            }
        }
    }

    private static bool ContainsDigit(string title)
    {
        foreach (var c in title)
        {
            if (char.IsDigit(c))
            {
                return true;
            }
        }

        return false;
    }
}
