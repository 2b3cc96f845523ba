namespace Okr.Core.Validation.Rules;

/// <summary>OKR104: an objective has more than <see cref="QualityLimits.MaxKeyResults"/> key results.</summary>
public sealed class TooManyKeyResultsRule : IOkrRule
{
    /// <inheritdoc />
    public OkrRuleDescriptor Descriptor { get; } = new(
        "OKR104",
        "Too many key results",
        OkrSeverity.Warning,
        "Fires when an objective has more than limits.maxKeyResults (5) key results. Keep the ones that best show the outcome, or split the objective.",
        "Three to five key results per objective keep the team focused.");

    /// <inheritdoc />
    public void Check(OkrRuleContext context, RuleReporter report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        var max = context.Settings.Limits.MaxKeyResults;
        foreach (var objective in context.Set.Objectives)
        {
            if (objective.KeyResults.Count > max)
            {
                report(objective.Id, $"Objective '{objective.Id}' has {objective.KeyResults.Count} key results (limit {max}): keep the most telling ones or split the objective.");
            }
        }
    }
}
