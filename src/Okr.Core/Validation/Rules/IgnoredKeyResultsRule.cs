namespace Okr.Core.Validation.Rules;

/// <summary>OKR108: <c>progressFrom: children</c> but the objective has key results (they are ignored).</summary>
public sealed class IgnoredKeyResultsRule : IOkrRule
{
    /// <inheritdoc />
    public OkrRuleDescriptor Descriptor { get; } = new(
        "OKR108",
        "Key results ignored by progressFrom children",
        OkrSeverity.Warning,
        "Fires when an objective takes progress only from its children yet has key results, which then count for nothing. Use progressFrom both, or move the key results.",
        "Every key result should count toward something; silent ones mislead readers.");

    /// <inheritdoc />
    public void Check(OkrRuleContext context, RuleReporter report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        foreach (var objective in context.Set.Objectives)
        {
            if (objective.ProgressFrom == ProgressSource.Children && objective.KeyResults.Count > 0)
            {
                report(objective.Id, $"Objective '{objective.Id}' takes progress from children only, so its {objective.KeyResults.Count} key result(s) are ignored: set progressFrom to both, or remove them.");
            }
        }
    }
}
