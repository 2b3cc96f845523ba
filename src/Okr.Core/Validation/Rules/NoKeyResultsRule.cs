namespace Okr.Core.Validation.Rules;

/// <summary>OKR102: an objective counts key results but has none.</summary>
public sealed class NoKeyResultsRule : IOkrRule
{
    /// <inheritdoc />
    public OkrRuleDescriptor Descriptor { get; } = new(
        "OKR102",
        "Objective without key results",
        OkrSeverity.Warning,
        "Fires when an objective's progressFrom is keyResults or both but it has no key results. Add 2-5 measurable key results, or set progressFrom to children.",
        "An objective is measured by its key results; without them progress cannot be judged.");

    /// <inheritdoc />
    public void Check(OkrRuleContext context, RuleReporter report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        foreach (var objective in context.Set.Objectives)
        {
            if (objective.ProgressFrom != ProgressSource.Children && objective.KeyResults.Count == 0)
            {
                report(objective.Id, $"Objective '{objective.Id}' takes its progress from key results but has none: add measurable key results or set progressFrom to children.");
            }
        }
    }
}
