namespace Okr.Core.Validation.Rules;

/// <summary>OKR103: an objective has at least one but fewer than <see cref="QualityLimits.MinKeyResults"/> key results.</summary>
public sealed class TooFewKeyResultsRule : IOkrRule
{
    /// <inheritdoc />
    public OkrRuleDescriptor Descriptor { get; } = new(
        "OKR103",
        "Too few key results",
        OkrSeverity.Warning,
        "Fires when an objective has at least one but fewer than limits.minKeyResults (2) key results. Add another angle on the outcome, or lower the limit.",
        "Several key results (typically 3-5) keep one number from being gamed and describe the outcome fully.");

    /// <inheritdoc />
    public void Check(OkrRuleContext context, RuleReporter report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        var min = context.Settings.Limits.MinKeyResults;
        foreach (var objective in context.Set.Objectives)
        {
            var count = objective.KeyResults.Count;
            if (count >= 1 && count < min)
            {
                report(objective.Id, $"Objective '{objective.Id}' has {count} key result{(count == 1 ? string.Empty : "s")} (at least {min} expected): add another measurable outcome.");
            }
        }
    }
}
