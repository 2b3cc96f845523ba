namespace Okr.Core.Validation.Rules;

/// <summary>OKR207: two objectives of one owner in one period share a title (case-insensitive); the later one is reported.</summary>
public sealed class DuplicateTitleRule : IOkrRule
{
    /// <inheritdoc />
    public OkrRuleDescriptor Descriptor { get; } = new(
        "OKR207",
        "Duplicate objective title",
        OkrSeverity.Warning,
        "Fires on the later of two objectives of one owner in one period with the same title (ignoring case). Merge them, or say how they differ.",
        "Each objective states one distinct goal; duplicates split attention and double-count work.");

    /// <inheritdoc />
    public void Check(OkrRuleContext context, RuleReporter report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        foreach (var group in context.ObjectivesByOwnerAndPeriod)
        {
            var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var objective in group.Objectives)
            {
                if (!seen.TryAdd(objective.Title, objective.Id))
                {
                    report(objective.Id, $"Objective '{objective.Id}' has the same title as '{seen[objective.Title]}' (\"{objective.Title}\"): merge them or make the difference clear.");
                }
            }
        }
    }
}
