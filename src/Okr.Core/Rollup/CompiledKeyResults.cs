using System.Runtime.CompilerServices;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Okr.Core;

/// <summary>What the evaluation loop does with a node, decided once when the graph is compiled.</summary>
internal enum NodeKind : byte
{
    /// <summary>An objective: the weighted mean of its counted inputs.</summary>
    Objective,

    /// <summary>Increase or decrease: <c>(current - baseline) / (target - baseline)</c>.</summary>
    Ratio,

    /// <summary>atLeast: 1 when current &gt;= threshold.</summary>
    AtLeast,

    /// <summary>atMost: 1 when current &lt;= threshold.</summary>
    AtMost,

    /// <summary>within: 1 when min &lt;= current &lt;= max.</summary>
    Within,

    /// <summary>milestone: the latest value (0 or 1).</summary>
    Milestone,

    /// <summary>checklist: the weighted share of its items done.</summary>
    Checklist,

    /// <summary>A mean rollup: the weighted mean of its contributors' scores.</summary>
    RollupMean,

    /// <summary>A sum rollup: the sum of its contributors' current values against a baseline and a target.</summary>
    RollupSum,
}

/// <summary>
/// The inputs of every key result in flat arrays indexed by node, read by the evaluation loop instead of the
/// <see cref="KeyResult"/> records. A measured key result's attainment depends on the day only through which check-in
/// is the latest, so each check-in's attainment is computed here, once, exactly as <see cref="KeyResultScorer"/>
/// would; evaluating as of a day is then a binary search over packed (day, confidence) keys and one read. The
/// decimal values stay in the records (reports read them there); sum rollups get theirs from
/// <see cref="EvaluationPlan"/>.
/// </summary>
internal sealed class CompiledKeyResults
{
    /// <summary>A checklist item that is not done: later than every day.</summary>
    public const int NotDone = int.MaxValue;

    /// <summary>No confidence given.</summary>
    public const sbyte NoConfidence = -1;

    /// <summary>The low bits of a check-in key hold its confidence plus one (0 = none, 1-11 = 0-10).</summary>
    private const int ConfidenceBits = 4;

    private const int ConfidenceMask = (1 << ConfidenceBits) - 1;

    /// <summary>Room after the last key for a vector read that starts at it.</summary>
    private const int KeyPadding = 16;

    private CompiledKeyResults(NodeKind[] kinds, int[] checkInStart, int[] itemStart)
    {
        Kind = kinds;
        CheckInStart = checkInStart;
        CheckInKey = new int[checkInStart[^1] + KeyPadding];
        CheckInAttainment = new double[checkInStart[^1]];
        ItemStart = itemStart;
        ItemDay = new int[itemStart[^1]];
        ItemWeight = new double[itemStart[^1]];
    }

    public NodeKind[] Kind { get; }

    /// <summary>Check-ins of node n: <c>CheckInStart[n]..CheckInStart[n+1]</c>, sorted by (day, document order).</summary>
    public int[] CheckInStart { get; }

    /// <summary>
    /// The check-in's <see cref="DateOnly.DayNumber"/> shifted left by 4, its confidence plus one in the low 4 bits:
    /// sorted by day, so "on or before day d" is <c>key &lt;= KeyLimit(d)</c> (day numbers stay below 2^22).
    /// </summary>
    public int[] CheckInKey { get; }

    /// <summary>The number of check-ins (<see cref="CheckInKey"/> is longer: it is padded for vector reads).</summary>
    public int CheckInCount => CheckInAttainment.Length;

    /// <summary>The key result's attainment when this check-in is the latest (unclamped, -0 normalised).</summary>
    public double[] CheckInAttainment { get; }

    /// <summary>Checklist items of node n: <c>ItemStart[n]..ItemStart[n+1]</c>, in item order.</summary>
    public int[] ItemStart { get; }

    /// <summary>The day the item was done, or <see cref="NotDone"/>.</summary>
    public int[] ItemDay { get; }

    public double[] ItemWeight { get; }

    /// <summary>The largest key of a check-in on or before <paramref name="day"/>.</summary>
    public static int KeyLimit(int day) => (day << ConfidenceBits) | ConfidenceMask;

    /// <summary>The confidence of the check-in at <paramref name="position"/>, or <see cref="NoConfidence"/>.</summary>
    public sbyte ConfidenceAt(int position) => (sbyte)ConfidenceOf(CheckInKey[position]);

    /// <summary>The day number of the check-in at <paramref name="position"/>.</summary>
    public int DayAt(int position) => CheckInKey[position] >> ConfidenceBits;

    public static CompiledKeyResults From(KeyResult?[] keyResults)
    {
        // Two visits of the key result records, each shared by the cores (they are scattered in memory, so reading
        // them costs more than the work): one counts, one fills.
        var kinds = new NodeKind[keyResults.Length];
        var checkInStart = new int[keyResults.Length + 1];
        var itemStart = new int[keyResults.Length + 1];
        Parallel.For(0, ChunkCount(keyResults.Length), SecondCore.LoopOptions(), chunk =>
        {
            for (var node = chunk * ChunkSize; node < ChunkEnd(chunk, keyResults.Length); node++)
            {
                if (keyResults[node] is { } keyResult)
                {
                    kinds[node] = KindOf(keyResult.Definition);
                    checkInStart[node + 1] = keyResult.CheckIns.Count;
                    itemStart[node + 1] = keyResult.Definition.Items.Count;
                }
            }
        });

        return From(keyResults, kinds, checkInStart, itemStart);
    }

    /// <summary>
    /// Compiles the key results when their kinds and counts were read already (by the visit that gathered the nodes):
    /// <paramref name="checkInStart"/> and <paramref name="itemStart"/> hold each node's number of check-ins and
    /// checklist items at index node + 1, and become the start positions (adopted, not copied).
    /// </summary>
    /// <param name="keyResults">The key result of each node (null for an objective).</param>
    /// <param name="kinds">Each node's kind.</param>
    /// <param name="checkInStart">Each node's number of check-ins at index node + 1.</param>
    /// <param name="itemStart">Each node's number of checklist items at index node + 1.</param>
    /// <param name="cancellation">Stops the work between chunks (an <see cref="OperationCanceledException"/>): a build stops compiling when validation fails.</param>
    public static CompiledKeyResults From(KeyResult?[] keyResults, NodeKind[] kinds, int[] checkInStart, int[] itemStart, CancellationToken cancellation = default)
    {
        // The counts become start positions.
        for (var node = 0; node < keyResults.Length; node++)
        {
            checkInStart[node + 1] += checkInStart[node];
            itemStart[node + 1] += itemStart[node];
        }

        var table = new CompiledKeyResults(kinds, checkInStart, itemStart);
        Parallel.For(0, ChunkCount(keyResults.Length), SecondCore.LoopOptions(cancellation), chunk =>
        {
            var sortKeys = new long[16];
            for (var node = chunk * ChunkSize; node < ChunkEnd(chunk, keyResults.Length); node++)
            {
                if (keyResults[node] is { } keyResult)
                {
                    table.CompileCheckIns(node, keyResult, ref sortKeys);
                    table.CompileItems(node, keyResult.Definition.Items.AsSpan());
                }
            }
        });

        return table;
    }

    private static int ChunkCount(int nodes) => (nodes + ChunkSize - 1) / ChunkSize;

    private static int ChunkEnd(int chunk, int nodes) => Math.Min(nodes, (chunk + 1) * ChunkSize);

    private void CompileItems(int node, ReadOnlySpan<ChecklistItem> items)
    {
        var item = ItemStart[node];
        foreach (var checklistItem in items)
        {
            ItemDay[item] = checklistItem.DoneOn?.DayNumber ?? NotDone;
            ItemWeight[item] = checklistItem.Weight;
            item++;
        }
    }

    private const int ChunkSize = 16_384;

    private void CompileCheckIns(int node, KeyResult keyResult, ref long[] sortKeys)
    {
        var source = keyResult.CheckIns.AsSpan();
        if (source.IsEmpty)
        {
            return;
        }

        var keys = SortByDay(source, ref sortKeys);
        var definition = keyResult.Definition;
        var kind = Kind[node];
        var (first, second) = FieldsOf(definition);
        var position = CheckInStart[node];
        foreach (var key in keys)
        {
            var checkIn = source[(int)(key & 0xFFFF_FFFF)];
            CheckInKey[position++] = (checkIn.At.DayNumber << ConfidenceBits) | ((checkIn.Confidence ?? NoConfidence) + 1);
        }

        var attainments = CheckInAttainment.AsSpan(CheckInStart[node], source.Length);
        if (kind == NodeKind.Ratio ? TryScoreRatios(source, keys, first, second, attainments) : TryScoreMet(kind, source, keys, first, second, attainments))
        {
            return;
        }

        position = CheckInStart[node];
        foreach (var key in keys)
        {
            CheckInAttainment[position++] = KeyResultScorer.Measure(kind, first, second, source[(int)(key & 0xFFFF_FFFF)].Value).Attainment.GetValueOrDefault();
        }
    }

    /// <summary>
    /// An increase's or decrease's attainment for every check-in, without decimal arithmetic, when the baseline, the
    /// target and every value are integers below 2^53 at one decimal scale (the largest of theirs), and so are the
    /// differences: then each attainment is one IEEE division of exactly represented integers, the correctly rounded
    /// exact quotient, which is what <see cref="ScoreMath.Attainment"/> gives (it takes the same path at a scale no
    /// larger). Returns false otherwise, and the caller scores each check-in on its own.
    /// </summary>
    private static bool TryScoreRatios(ReadOnlySpan<CheckIn> checkIns, ReadOnlySpan<long> order, decimal baseline, decimal target, Span<double> attainments)
    {
        int scale = Math.Max(baseline.Scale, target.Scale);
        foreach (var checkIn in checkIns)
        {
            scale = Math.Max(scale, checkIn.Value.Scale);
        }

        if (!ScoreMath.TryScaledInteger(baseline, scale, out var b) || !ScoreMath.TryScaledInteger(target, scale, out var t)
            || t == b || Math.Abs(t - b) > MaxExactInteger)
        {
            return false;
        }

        double span = t - b;
        for (var i = 0; i < order.Length; i++)
        {
            if (!ScoreMath.TryScaledInteger(checkIns[(int)(order[i] & 0xFFFF_FFFF)].Value, scale, out var value) || Math.Abs(value - b) > MaxExactInteger)
            {
                return false;
            }

            attainments[i] = ScoreMath.Normalize((value - b) / span);
        }

        return true;
    }

    /// <summary>
    /// An atLeast's, atMost's, within's or milestone's attainment for every check-in (1 when met, else 0, as
    /// <see cref="KeyResultScorer.Measure(NodeKind, decimal, decimal, decimal?)"/> decides), comparing integers instead
    /// of decimals when the definition values and every value are integers below 2^53 at one decimal scale (the
    /// largest of theirs): scaling both sides of a comparison by the same power of ten keeps its outcome. Returns
    /// false otherwise, and the caller scores each check-in on its own.
    /// </summary>
    private static bool TryScoreMet(NodeKind kind, ReadOnlySpan<CheckIn> checkIns, ReadOnlySpan<long> order, decimal first, decimal second, Span<double> attainments)
    {
        int scale = Math.Max(first.Scale, second.Scale);
        foreach (var checkIn in checkIns)
        {
            scale = Math.Max(scale, checkIn.Value.Scale);
        }

        if (kind is not (NodeKind.AtLeast or NodeKind.AtMost or NodeKind.Within or NodeKind.Milestone)
            || !ScoreMath.TryScaledInteger(first, scale, out var low) || !ScoreMath.TryScaledInteger(second, scale, out var high)
            || !ScoreMath.TryScaledInteger(1m, scale, out var one))
        {
            return false;
        }

        for (var i = 0; i < order.Length; i++)
        {
            if (!ScoreMath.TryScaledInteger(checkIns[(int)(order[i] & 0xFFFF_FFFF)].Value, scale, out var value))
            {
                return false;
            }

            var met = kind switch
            {
                NodeKind.AtLeast => value >= low,
                NodeKind.AtMost => value <= low,
                NodeKind.Within => value >= low && value <= high,
                _ => value == one, // a milestone is met at 1
            };
            attainments[i] = met ? 1.0 : 0.0;
        }

        return true;
    }

    /// <summary>2^53 - 1: every integer up to it is a double exactly.</summary>
    private const long MaxExactInteger = (1L << 53) - 1;

    /// <summary>
    /// The check-ins in evaluation order, (day, document order): the low half of each returned key is the check-in's
    /// index in <paramref name="checkIns"/>. <paramref name="buffer"/> is reused, and grown when too small.
    /// </summary>
    public static ReadOnlySpan<long> SortByDay(ReadOnlySpan<CheckIn> checkIns, ref long[] buffer)
    {
        if (checkIns.Length > buffer.Length)
        {
            buffer = new long[checkIns.Length];
        }

        // Day in the high half, document index in the low half: sorting the keys sorts by (day, document order).
        var keys = buffer.AsSpan(0, checkIns.Length);
        var sorted = true;
        for (var i = 0; i < checkIns.Length; i++)
        {
            keys[i] = ((long)checkIns[i].At.DayNumber << 32) | (uint)i;
            sorted &= i == 0 || keys[i] > keys[i - 1];
        }

        // Check-ins are usually given in date order; a handful of them sort fastest by insertion.
        if (!sorted && keys.Length <= SmallSort)
        {
            InsertionSort(keys);
        }
        else if (!sorted)
        {
            keys.Sort();
        }

        return keys;
    }

    /// <summary>Up to this many keys are sorted by insertion: a key result has a handful of check-ins, and the general sort's set-up costs more than the sorting.</summary>
    private const int SmallSort = 32;

    private static void InsertionSort(Span<long> keys)
    {
        for (var i = 1; i < keys.Length; i++)
        {
            var key = keys[i];
            var j = i - 1;
            for (; j >= 0 && keys[j] > key; j--)
            {
                keys[j + 1] = keys[j];
            }

            keys[j + 1] = key;
        }
    }

    /// <summary>The position of the latest check-in of <paramref name="node"/> as of <paramref name="day"/> (ties: later in document order), or -1.</summary>
    public int LatestAsOf(int node, int day)
    {
        var start = CheckInStart[node];
        var count = CountAtOrBefore(CheckInKey, start, CheckInStart[node + 1], KeyLimit(day));
        return count > 0 ? start + count - 1 : -1;
    }

    /// <summary>The confidence packed in check-in key <paramref name="key"/>, or <see cref="NoConfidence"/>.</summary>
    public static int ConfidenceOf(int key) => (key & ConfidenceMask) - 1;

    /// <summary>
    /// How many of <c>keys[start..end)</c> are at most <paramref name="keyLimit"/>: they come first (the keys are
    /// sorted), so the last of them is the latest check-in as of the limit's day. Counted without a branch per key:
    /// a key result has a handful of check-ins, and a binary search's branches would be mispredicted about half the
    /// time. The last block read may reach into the next key result's keys or the array's padding; those lanes are
    /// masked off.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int CountAtOrBefore(int[] keys, int start, int end, int keyLimit)
    {
        ref var first = ref MemoryMarshal.GetArrayDataReference(keys);
        if (Vector512.IsHardwareAccelerated && end - start <= Vector512<int>.Count)
        {
            // Most key results: all their keys in one block.
            var atOrBefore = Vector512.LessThanOrEqual(Vector512.LoadUnsafe(ref first, (nuint)start), Vector512.Create(keyLimit)).ExtractMostSignificantBits();
            return BitOperations.PopCount(atOrBefore & ((1ul << (end - start)) - 1));
        }

        var count = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var limit = Vector512.Create(keyLimit);
            for (var i = start; i < end; i += Vector512<int>.Count)
            {
                var atOrBefore = Vector512.LessThanOrEqual(Vector512.LoadUnsafe(ref first, (nuint)i), limit).ExtractMostSignificantBits();
                count += BitOperations.PopCount(atOrBefore & ((1ul << Math.Min(Vector512<int>.Count, end - i)) - 1));
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            var limit = Vector256.Create(keyLimit);
            for (var i = start; i < end; i += Vector256<int>.Count)
            {
                var atOrBefore = Vector256.LessThanOrEqual(Vector256.LoadUnsafe(ref first, (nuint)i), limit).ExtractMostSignificantBits();
                count += BitOperations.PopCount(atOrBefore & ((1u << Math.Min(Vector256<int>.Count, end - i)) - 1));
            }
        }
        else
        {
            foreach (var key in keys.AsSpan(start, end - start))
            {
                count += key <= keyLimit ? 1 : 0;
            }
        }

        return count;
    }

    /// <summary>The weighted share of the checklist items of <paramref name="node"/> done on or before <paramref name="day"/>, summed in item order.</summary>
    public double ChecklistShare(int node, int day)
    {
        double done = 0;
        double total = 0;
        for (var i = ItemStart[node]; i < ItemStart[node + 1]; i++)
        {
            total += ItemWeight[i];
            done += ItemDay[i] <= day ? ItemWeight[i] : 0; // not a branch: done or not follows no pattern
        }

        return total > 0 ? ScoreMath.Normalize(done / total) : 0;
    }

    /// <summary>The two definition values a kind reads: baseline and target, threshold, or min and max.</summary>
    internal static (decimal First, decimal Second) FieldsOf(KeyResultDefinition definition)
        => (definition.Baseline ?? definition.Threshold ?? definition.Min ?? 0m, definition.Target ?? definition.Max ?? 0m);

    internal static NodeKind KindOf(KeyResultDefinition definition) => definition.Kind switch
    {
        KeyResultKind.Increase or KeyResultKind.Decrease => NodeKind.Ratio,
        KeyResultKind.AtLeast => NodeKind.AtLeast,
        KeyResultKind.AtMost => NodeKind.AtMost,
        KeyResultKind.Within => NodeKind.Within,
        KeyResultKind.Milestone => NodeKind.Milestone,
        KeyResultKind.Checklist => NodeKind.Checklist,
        _ => definition.Aggregate == RollupAggregate.Sum ? NodeKind.RollupSum : NodeKind.RollupMean,
    };
}
