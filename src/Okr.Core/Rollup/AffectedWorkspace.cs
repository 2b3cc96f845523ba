namespace Okr.Core;

/// <summary>
/// Reusable buffers for re-evaluating the nodes that depend on a change (<see cref="RollupCalculator.EvaluateAffected(AlignmentGraph, EvaluationState, AffectedWorkspace, ReadOnlySpan{int}, DateOnly)"/>):
/// the affected nodes, a per-node "seen in change k" stamp instead of a set, and each node's position in the order.
/// </summary>
internal sealed class AffectedWorkspace
{
    private int _stamp;

    public AffectedWorkspace(AlignmentGraph graph)
    {
        Affected = new int[graph.NodeCount];
        Seen = new int[graph.NodeCount];
        OrderPosition = new int[graph.NodeCount];
        for (var i = 0; i < graph.Order.Length; i++)
        {
            OrderPosition[graph.Order[i]] = i;
        }
    }

    public int[] Affected { get; }

    public int[] Seen { get; }

    public int[] OrderPosition { get; }

    /// <summary>A stamp no node carries yet (the marks are cleared when the counter wraps).</summary>
    public int NextStamp()
    {
        if (++_stamp == int.MaxValue)
        {
            Array.Clear(Seen);
            _stamp = 1;
        }

        return _stamp;
    }
}
