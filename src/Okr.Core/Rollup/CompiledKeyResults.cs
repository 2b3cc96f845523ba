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

    /// <summary>The low bits of a check-in key hold its confidence plus one (0 = none, 1-11 = 0-10): <see cref="CheckIn.ConfidenceCode"/>, as stored.</summary>
    private const int ConfidenceBits = 4;

    private const int ConfidenceMask = (1 << ConfidenceBits) - 1;

    /// <summary>Room after the last key for a vector read that starts at it.</summary>
    private const int KeyPadding = 16;

    private CompiledKeyResults(NodeKind[] kinds, int[] checkInStart, int[] itemStart)
    {
        Kind = kinds;
        CheckInStart = checkInStart;
        // Every element is written by the compilation (the keys' padding is only ever read masked off), so the GC
        // need not clear hundreds of megabytes first when it hands out memory it has used before.
        CheckInKey = GC.AllocateUninitializedArray<int>(checkInStart[^1] + KeyPadding);
        CheckInAttainment = GC.AllocateUninitializedArray<double>(checkInStart[^1]);
        ItemStart = itemStart;
        ItemDay = GC.AllocateUninitializedArray<int>(itemStart[^1]);
        ItemWeight = GC.AllocateUninitializedArray<double>(itemStart[^1]);
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

    /// <summary>
    /// Compiles the key results of the nodes (null for an objective) on every core. A build does not come here: its
    /// gathering of the nodes reads the kinds and counts, and it runs a <see cref="Compilation"/> itself.
    /// </summary>
    /// <param name="keyResults">The key result of each node (null for an objective).</param>
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

        for (var node = 0; node < keyResults.Length; node++)
        {
            checkInStart[node + 1] += checkInStart[node];
            itemStart[node + 1] += itemStart[node];
        }

        var compilation = new Compilation(keyResults, kinds, checkInStart, itemStart);
        Parallel.For(0, Environment.ProcessorCount, SecondCore.LoopOptions(), _ => compilation.Join(CancellationToken.None));
        return compilation.Table;
    }

    /// <summary>
    /// A compilation that threads join when they are free: each takes the next chunk of nodes until none is left, so
    /// a build's validating thread, once done, helps finish the check-ins instead of waiting for them. Takes each
    /// node's kind and where its check-ins and checklist items start, the totals at the end (adopted, not copied).
    /// </summary>
    internal sealed class Compilation(KeyResult?[] keyResults, NodeKind[] kinds, int[] checkInStart, int[] itemStart)
    {
        private readonly int _chunks = ChunkCount(keyResults.Length);
        private int _taken;

        /// <summary>The number of chunks: more threads than this would find nothing to do.</summary>
        public int Chunks => _chunks;

        /// <summary>The table being filled (complete once every thread that joined has returned).</summary>
        public CompiledKeyResults Table { get; } = new(kinds, checkInStart, itemStart);

        /// <summary>Compiles chunks until none is left or <paramref name="cancellation"/> is requested (checked between chunks).</summary>
        public void Join(CancellationToken cancellation)
        {
            var scratch = new CheckInScratch();
            int chunk;
            while (!cancellation.IsCancellationRequested && (chunk = Interlocked.Increment(ref _taken) - 1) < _chunks)
            {
                var end = ChunkEnd(chunk, keyResults.Length);
                for (var node = chunk * ChunkSize; node < end; node++)
                {
                    PrefetchAhead(keyResults, node, end);
                    if (keyResults[node] is { } keyResult)
                    {
                        Table.CompileCheckIns(node, keyResult, scratch);
                        Table.CompileItems(node, keyResult.Definition.Items.AsSpan());
                    }
                }
            }
        }
    }

    /// <summary>
    /// Asks for the records a few nodes ahead (see <see cref="CacheHints"/>): the key result 16 ahead, and the
    /// definition and every check-in of the one 8 ahead (whose record was asked for 8 nodes ago). Each is a separate
    /// object, and the loop would otherwise wait for each miss in turn; a key result's check-ins span several cache
    /// lines, and asking for all of them (not only the first) took a build of a million objectives from about 1.3 to
    /// 1.1 s.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void PrefetchAhead(KeyResult?[] keyResults, int node, int end)
    {
        if (node + 16 >= end)
        {
            return;
        }

        CacheHints.Object(keyResults[node + 16]);
        if (keyResults[node + 8] is { } near)
        {
            CacheHints.Object(near.Definition);
            CacheHints.All(near.CheckIns.AsSpan());
        }
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

    /// <summary>
    /// Compiles one key result's check-ins: their keys in evaluation order, and the attainment each gives. Each
    /// check-in record is read once, into <paramref name="scratch"/>: its sort key, its packed key and its value split
    /// into an integer mantissa and a decimal scale. Most key results are then scored in integers (see
    /// <see cref="TryScoreInIntegers"/>); the others check-in by check-in in decimals, as the records are.
    /// </summary>
    private void CompileCheckIns(int node, KeyResult keyResult, CheckInScratch scratch)
    {
        var source = keyResult.CheckIns.AsSpan();
        if (source.IsEmpty)
        {
            return;
        }

        var (first, second) = keyResult.Definition.Fields;
        int largestScale = Math.Max(first.Scale, second.Scale);
        scratch.Read(source, ref largestScale);
        var order = scratch.SortedOrder(source.Length);
        var position = CheckInStart[node];
        foreach (var key in order)
        {
            CheckInKey[position++] = scratch.KeyOf((int)key);
        }

        var kind = Kind[node];
        var attainments = CheckInAttainment.AsSpan(CheckInStart[node], source.Length);
        if (TryScoreInIntegers(kind, scratch, order, largestScale, first, second, attainments))
        {
            return;
        }

        for (var i = 0; i < order.Length; i++)
        {
            attainments[i] = KeyResultScorer.Measure(kind, first, second, source[(int)order[i]].Value).Attainment.GetValueOrDefault();
        }
    }

    /// <summary>
    /// Every check-in's attainment without decimal arithmetic, when the definition values and every value are
    /// integers below 2^53 at one decimal scale (<paramref name="scale"/>, the largest of theirs). An increase or
    /// decrease (whose differences must stay below 2^53 too) is then one IEEE division of exactly represented
    /// integers, the correctly rounded exact quotient, which is what <see cref="ScoreMath.Attainment"/> gives (it
    /// takes the same path at a scale no larger); atLeast, atMost, within and milestone are comparisons, whose outcome
    /// scaling both sides by the same power of ten keeps (1 when met, else 0, as
    /// <see cref="KeyResultScorer.Measure(NodeKind, decimal, decimal, decimal?)"/> decides). Returns false otherwise.
    /// </summary>
    private static bool TryScoreInIntegers(NodeKind kind, CheckInScratch scratch, ReadOnlySpan<long> order, int scale, decimal first, decimal second, Span<double> attainments)
    {
        if (!ScoreMath.TryScaledInteger(first, scale, out var low) || !ScoreMath.TryScaledInteger(second, scale, out var high)
            || !scratch.TryScaleValues(order, scale, out var values))
        {
            return false;
        }

        switch (kind)
        {
            case NodeKind.Ratio:
                // low is the baseline, high the target.
                if (high == low || Math.Abs(high - low) > MaxExactInteger)
                {
                    return false;
                }

                double span = high - low;
                for (var i = 0; i < values.Length; i++)
                {
                    if (Math.Abs(values[i] - low) > MaxExactInteger)
                    {
                        return false;
                    }

                    attainments[i] = ScoreMath.Normalize((values[i] - low) / span);
                }

                return true;

            case NodeKind.AtLeast or NodeKind.AtMost or NodeKind.Within or NodeKind.Milestone:
                // A milestone is met at 1, that is 10^scale here (exact below 2^53: up to 10^15).
                if (scale >= ScoreMath.PowersOfTenInteger.Length)
                {
                    return false;
                }

                var one = (long)ScoreMath.PowersOfTenInteger[scale];

                for (var i = 0; i < values.Length; i++)
                {
                    var value = values[i];
                    var met = kind switch
                    {
                        NodeKind.AtLeast => value >= low,
                        NodeKind.AtMost => value <= low,
                        NodeKind.Within => value >= low && value <= high,
                        _ => value == one,
                    };
                    attainments[i] = met ? 1.0 : 0.0;
                }

                return true;

            default:
                return false;
        }
    }

    /// <summary>2^53 - 1 (<see cref="ScoreMath.MaxExactMantissa"/>) as a long: every integer up to it is a double exactly.</summary>
    private const long MaxExactInteger = (long)ScoreMath.MaxExactMantissa;

    /// <summary>
    /// A worker's buffers for one key result's check-ins at a time (grown when a key result has more than they hold):
    /// what <see cref="Read"/> takes from each record, indexed by document order.
    /// </summary>
    private sealed class CheckInScratch
    {
        /// <summary>(day, document index): sorting these sorts by (day, document order).</summary>
        private long[] _order = new long[16];

        /// <summary>What else each check-in gave, by document index (one array, so one bounds check and one write stream).</summary>
        private Reading[] _readings = new Reading[16];

        /// <summary>The values at one scale, in evaluation order.</summary>
        private long[] _scaled = new long[16];

        /// <summary>The packed key (<see cref="CheckInKey"/>) of the check-in at document index <paramref name="checkIn"/>.</summary>
        public int KeyOf(int checkIn) => _readings[checkIn].Key;

        /// <summary>
        /// Reads each check-in once: its keys and its value's mantissa, sign and scale. Raises
        /// <paramref name="largestScale"/> to the largest value scale.
        /// </summary>
        public void Read(ReadOnlySpan<CheckIn> checkIns, ref int largestScale)
        {
            if (checkIns.Length > _order.Length)
            {
                var capacity = (int)BitOperations.RoundUpToPowerOf2((uint)checkIns.Length);
                (_order, _readings, _scaled) = (new long[capacity], new Reading[capacity], new long[capacity]);
            }

            Span<int> bits = stackalloc int[4];
            var order = _order.AsSpan(0, checkIns.Length);
            var readings = _readings.AsSpan(0, checkIns.Length);
            for (var i = 0; i < checkIns.Length; i++)
            {
                ref readonly var checkIn = ref checkIns[i];
                var day = checkIn.At.DayNumber;
                order[i] = ((long)day << 32) | (uint)i;
                decimal.GetBits(checkIn.Value, bits);
                var scale = (byte)(bits[3] >> 16);
                readings[i] = new Reading(
                    bits[2] == 0 ? ((ulong)(uint)bits[1] << 32) | (uint)bits[0] : ulong.MaxValue,
                    (day << ConfidenceBits) | checkIn.ConfidenceCode,
                    scale,
                    bits[3] < 0);
                largestScale = Math.Max(largestScale, scale);
            }
        }

        /// <summary>The sort keys of the check-ins <see cref="Read"/> read, sorted (the low half of each is a document index).</summary>
        public ReadOnlySpan<long> SortedOrder(int count)
        {
            var order = _order.AsSpan(0, count);
            SortKeys(order);
            return order;
        }

        /// <summary>The values in <paramref name="order"/> as integers at <paramref name="scale"/>, when each is below 2^53 in magnitude there.</summary>
        public bool TryScaleValues(ReadOnlySpan<long> order, int scale, out ReadOnlySpan<long> values)
        {
            values = default;
            var scaled = _scaled.AsSpan(0, order.Length);
            for (var i = 0; i < order.Length; i++)
            {
                ref readonly var reading = ref _readings[(int)order[i]];
                var magnitude = reading.Magnitude;
                if (!ScoreMath.TryScaleUp(ref magnitude, scale - reading.Scale))
                {
                    return false;
                }

                scaled[i] = reading.Negative ? -(long)magnitude : (long)magnitude;
            }

            values = scaled;
            return true;
        }

        /// <summary>
        /// A check-in's packed key and its value's decimal mantissa (<see cref="ulong.MaxValue"/> when wider than 64
        /// bits: too large to scale), scale and sign.
        /// </summary>
        private readonly record struct Reading(ulong Magnitude, int Key, byte Scale, bool Negative);
    }

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

        var keys = buffer.AsSpan(0, checkIns.Length);
        for (var i = 0; i < checkIns.Length; i++)
        {
            keys[i] = ((long)checkIns[i].At.DayNumber << 32) | (uint)i;
        }

        SortKeys(keys);
        return keys;
    }

    /// <summary>Sorts (day, document index) keys: they are unique, and usually given in date order already.</summary>
    internal static void SortKeys(Span<long> keys)
    {
        var sorted = true;
        for (var i = 1; i < keys.Length; i++)
        {
            sorted &= keys[i] > keys[i - 1];
        }

        // A handful of keys sort fastest without a branch per comparison (dates out of order follow no pattern).
        if (!sorted && keys.Length <= RankedSort && Vector512.IsHardwareAccelerated)
        {
            SortByRank(keys);
        }
        else if (!sorted && keys.Length <= SmallSort)
        {
            InsertionSort(keys);
        }
        else if (!sorted)
        {
            keys.Sort();
        }
    }

    /// <summary>Up to this many keys are sorted by insertion: a key result has a handful of check-ins, and the general sort's set-up costs more than the sorting.</summary>
    private const int SmallSort = 32;

    /// <summary>Up to this many keys (two 512-bit vectors) are sorted by <see cref="SortByRank"/>.</summary>
    private const int RankedSort = 2 * 8;

    /// <summary>
    /// Sorts up to 16 distinct keys by placing each at its rank, the number of keys smaller than it, counted by two
    /// vector comparisons: no comparison is a branch, so none is mispredicted.
    /// </summary>
    internal static void SortByRank(Span<long> keys)
    {
        Span<long> padded = stackalloc long[RankedSort];
        padded.Fill(long.MaxValue); // never smaller than a key
        keys.CopyTo(padded);
        var low = Vector512.Create<long>(padded[..8]);
        var high = Vector512.Create<long>(padded[8..]);
        for (var i = 0; i < keys.Length; i++)
        {
            var key = Vector512.Create(padded[i]);
            var rank = BitOperations.PopCount(Vector512.LessThan(low, key).ExtractMostSignificantBits())
                + BitOperations.PopCount(Vector512.LessThan(high, key).ExtractMostSignificantBits());
            keys[rank] = padded[i];
        }
    }

    internal static void InsertionSort(Span<long> keys)
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

        return ScoreMath.NeedsRescaling(total) ? RescaledChecklistShare(node, day) : total > 0 ? ScoreMath.Normalize(done / total) : 0;
    }

    /// <summary><see cref="ChecklistShare"/> of item weights whose total overflows, each scaled by the same power of two.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private double RescaledChecklistShare(int node, int day)
    {
        var weights = ItemWeight.AsSpan(ItemStart[node], ItemStart[node + 1] - ItemStart[node]);
        double done = 0;
        double total = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            var weight = Math.ScaleB(weights[i], ScoreMath.RescaleExponent);
            total += weight;
            done += ItemDay[ItemStart[node] + i] <= day ? weight : 0;
        }

        return ScoreMath.Normalize(done / total);
    }

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
