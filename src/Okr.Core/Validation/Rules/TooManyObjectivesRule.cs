namespace Okr.Core.Validation.Rules;

/// <summary>OKR101: an owner has more than <see cref="QualityLimits.MaxObjectivesPerOwner"/> objectives in one period.</summary>
public sealed class TooManyObjectivesRule : IOkrRule
{
    /// <inheritdoc />
    public OkrRuleDescriptor Descriptor { get; } = new(
        "OKR101",
        "Too many objectives for one owner",
        OkrSeverity.Warning,
        "Fires when an owner has more than limits.maxObjectivesPerOwner (5) objectives in one period. Keep the few that matter most, or raise the limit in settings.limits.",
        "Focus: a handful of objectives per team and quarter; more dilutes effort.");

    /// <inheritdoc />
    public void Check(OkrRuleContext context, RuleReporter report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        var max = context.Settings.Limits.MaxObjectivesPerOwner;
        foreach (var group in context.ObjectivesByOwnerAndPeriod)
        {
            if (group.Objectives.Count > max)
            {
                report(group.OwnerId, $"Owner '{group.OwnerId}' has {group.Objectives.Count} objectives in period '{group.PeriodId}' (limit {max}): keep the most important ones.");
            }
        }
    }
}
