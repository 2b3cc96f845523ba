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
        Grade = new sbyte[nodeCount];
        KeyResults = keyResults;
    }

    /// <summary>The <see cref="Grade"/> of an unscored node.</summary>
    public const sbyte NoGrade = -1;

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

    /// <summary>Index of the grade band of the score in the settings' scale, or <see cref="NoGrade"/>.</summary>
    public sbyte[] Grade { get; }

    /// <summary>The key results by node (null for objectives); the incremental evaluator swaps in changed ones.</summary>
    public KeyResult?[] KeyResults { get; }

    /// <summary>
    /// Nodes whose key result changed after the graph was compiled (incremental evaluation): they are scored from
    /// <see cref="KeyResults"/> instead of the graph's compiled inputs. Null when none changed.
    /// </summary>
    public bool[]? UseRecord { get; set; }

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
        Grade.CopyTo(copy.Grade, 0);
        copy.UseRecord = (bool[]?)UseRecord?.Clone();
        return copy;
    }
}
