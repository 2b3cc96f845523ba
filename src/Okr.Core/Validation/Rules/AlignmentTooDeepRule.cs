namespace Okr.Core.Validation.Rules;

/// <summary>
/// OKR106: a chain of objective-to-objective or objective-to-KR alignments is longer than
/// <see cref="QualityLimits.MaxDepth"/> links. A link to a key result continues from that key result's objective;
/// the finding is on the deepest objective of the chain.
/// </summary>
public sealed class AlignmentTooDeepRule : IOkrRule
{
    /// <inheritdoc />
    public OkrRuleDescriptor Descriptor { get; } = new(
        "OKR106",
        "Alignment chain too deep",
        OkrSeverity.Warning,
        "Fires when a chain of objective alignments (to objectives or to their key results) has more than limits.maxDepth (10) links; the finding is on the deepest objective. Align it higher up, or raise the limit.",
        "Deep cascades dilute the link between daily work and company goals and slow every change.");

    /// <inheritdoc />
    public void Check(OkrRuleContext context, RuleReporter report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        var graph = context.Graph;
        var depth = graph.AlignmentDepths();
        var max = context.Settings.Limits.MaxDepth;

        // An objective that another objective aligns to (directly or through one of its key results) is not the deepest.
        var hasObjectiveChild = new bool[graph.NodeCount];
        foreach (var node in graph.ObjectiveNodes)
        {
            foreach (var target in graph.LinkTargetSpan(node))
            {
                hasObjectiveChild[graph.ObjectiveNodeOf(target)] = true;
            }
        }

        foreach (var node in graph.ObjectiveNodes)
        {
            if (depth[node] > max && !hasObjectiveChild[node])
            {
                report(graph.Ids[node], $"Objective '{graph.Ids[node]}' sits at the end of an alignment chain of {depth[node]} links (limit {max}): align it to an objective higher up.");
            }
        }
    }
}
