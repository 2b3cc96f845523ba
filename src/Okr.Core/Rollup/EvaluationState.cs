namespace Okr.Core;

/// <summary>
/// Per-node results of one evaluation, in flat arrays indexed like the graph's nodes (reusable buffers:
/// re-evaluating writes into the same arrays).
/// </summary>
internal sealed class EvaluationState
{
    public EvaluationState(int nodeCount, KeyResult?[] keyResults)
    {
        Score = new double[nodeCount];
        Attainment = new double[nodeCount];
        Current = new decimal[nodeCount];
        HasCurrent = new bool[nodeCount];
        Pending = new bool[nodeCount];
        Status = new OkrStatus[nodeCount];
        Latest = new int[nodeCount];
        KeyResults = keyResults;
    }

    /// <summary>Score, or NaN when unscored.</summary>
    public double[] Score { get; }

    /// <summary>Unclamped attainment, or NaN when none.</summary>
    public double[] Attainment { get; }

    public decimal[] Current { get; }

    public bool[] HasCurrent { get; }

    public bool[] Pending { get; }

    public OkrStatus[] Status { get; }

    /// <summary>Index of the latest check-in as of the day in the key result's <see cref="KeyResult.CheckIns"/>, or -1.</summary>
    public int[] Latest { get; }

    /// <summary>The key results by node (null for objectives); the incremental evaluator swaps in changed ones.</summary>
    public KeyResult?[] KeyResults { get; }

    public EvaluationState Clone()
    {
        var copy = new EvaluationState(Score.Length, (KeyResult?[])KeyResults.Clone());
        Score.CopyTo(copy.Score, 0);
        Attainment.CopyTo(copy.Attainment, 0);
        Current.CopyTo(copy.Current, 0);
        HasCurrent.CopyTo(copy.HasCurrent, 0);
        Pending.CopyTo(copy.Pending, 0);
        Status.CopyTo(copy.Status, 0);
        Latest.CopyTo(copy.Latest, 0);
        return copy;
    }
}
