using Okr.Core.Validation;

namespace Okr.Core.Tests.Validation;

/// <summary>
/// A host rule, as shown in docs/rules.md: ACME001 flags objective titles longer than 60 characters, which people
/// do not remember.
/// </summary>
public sealed class LongObjectiveTitleRule : IOkrRule
{
    /// <summary>Longest title the rule accepts, in characters.</summary>
    public const int MaxLength = 60;

    /// <inheritdoc />
    public OkrRuleDescriptor Descriptor { get; } = new(
        Code: "ACME001",
        Title: "Objective title too long",
        DefaultSeverity: OkrSeverity.Warning,
        Help: "Fires when an objective title is longer than 60 characters. Say it in fewer words.",
        Practice: "An objective people can repeat from memory is one they work toward.");

    /// <inheritdoc />
    public void Check(OkrRuleContext context, RuleReporter report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        foreach (var objective in context.Set.Objectives)
        {
            if (objective.Title.Length > MaxLength)
            {
                report(objective.Id, $"Objective '{objective.Id}' has a title of {objective.Title.Length} characters (limit {MaxLength}): shorten it.");
            }
        }
    }
}
