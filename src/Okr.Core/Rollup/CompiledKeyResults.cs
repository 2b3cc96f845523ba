namespace Okr.Core;

/// <summary>What the evaluation loop does with a node, decided once when the graph is compiled.</summary>
internal enum NodeKind : byte
{
    /// <summary>An objective: the weighted mean of its counted inputs.</summary>
    Objective,

    /// <summary>Increase or decrease: <c>(current - baseline) / (target - baseline)</c>; First = baseline, Second = target.</summary>
    Ratio,

    /// <summary>atLeast: First = threshold.</summary>
    AtLeast,

    /// <summary>atMost: First = threshold.</summary>
    AtMost,

    /// <summary>within: First = min, Second = max.</summary>
    Within,

    /// <summary>milestone: the latest value (0 or 1).</summary>
    Milestone,

    /// <summary>checklist: the weighted share of its items done.</summary>
    Checklist,

    /// <summary>A mean rollup: the weighted mean of its contributors' scores.</summary>
    RollupMean,

    /// <summary>A sum rollup: First = baseline, Second = target.</summary>
    RollupSum,
}

/// <summary>
/// The inputs of every key result in flat arrays indexed by node, read by the evaluation loop instead of the
/// <see cref="KeyResult"/> records: the kind, up to two definition values, the check-ins of each key result sorted by
/// (day, document order) so that the latest one as of a day is a binary search, and checklist items in item order.
/// </summary>
internal sealed class CompiledKeyResults
{
    /// <summary>A checklist item that is not done: later than every day.</summary>
    public const int NotDone = int.MaxValue;

    /// <summary>No confidence given.</summary>
    public const sbyte NoConfidence = -1;

    private CompiledKeyResults(int nodeCount, int checkInCount, int itemCount)
    {
        Kind = new NodeKind[nodeCount];
        First = new decimal[nodeCount];
        Second = new decimal[nodeCount];
        CheckInStart = new int[nodeCount + 1];
        CheckInDay = new int[checkInCount];
        CheckInValue = new decimal[checkInCount];
        CheckInConfidence = new sbyte[checkInCount];
        CheckInSource = new int[checkInCount];
        ItemStart = new int[nodeCount + 1];
        ItemDay = new int[itemCount];
        ItemWeight = new double[itemCount];
    }

    public NodeKind[] Kind { get; }

    /// <summary>Baseline, threshold or min (see <see cref="NodeKind"/>).</summary>
    public decimal[] First { get; }

    /// <summary>Target or max (see <see cref="NodeKind"/>).</summary>
    public decimal[] Second { get; }

    /// <summary>Check-ins of node n: <c>CheckInStart[n]..CheckInStart[n+1]</c>, sorted by (day, document order).</summary>
    public int[] CheckInStart { get; }

    /// <summary>The check-in's <see cref="DateOnly.DayNumber"/>.</summary>
    public int[] CheckInDay { get; }

    public decimal[] CheckInValue { get; }

    /// <summary>Confidence 0-10, or <see cref="NoConfidence"/>.</summary>
    public sbyte[] CheckInConfidence { get; }

    /// <summary>The check-in's index in its key result's <see cref="KeyResult.CheckIns"/>.</summary>
    public int[] CheckInSource { get; }

    /// <summary>Checklist items of node n: <c>ItemStart[n]..ItemStart[n+1]</c>, in item order.</summary>
    public int[] ItemStart { get; }

    /// <summary>The day the item was done, or <see cref="NotDone"/>.</summary>
    public int[] ItemDay { get; }

    public double[] ItemWeight { get; }

    public static CompiledKeyResults From(KeyResult?[] keyResults)
    {
        var checkIns = 0;
        var items = 0;
        foreach (var keyResult in keyResults)
        {
            if (keyResult is not null)
            {
                checkIns += keyResult.CheckIns.Count;
                items += keyResult.Definition.Items.Count;
            }
        }

        var table = new CompiledKeyResults(keyResults.Length, checkIns, items);
        var checkIn = 0;
        var item = 0;
        var sortKeys = new long[16];
        for (var node = 0; node < keyResults.Length; node++)
        {
            table.CheckInStart[node] = checkIn;
            table.ItemStart[node] = item;
            if (keyResults[node] is not { } keyResult)
            {
                continue;
            }

            var definition = keyResult.Definition;
            table.Kind[node] = KindOf(definition);
            (table.First[node], table.Second[node]) = FieldsOf(definition);

            var source = keyResult.CheckIns.AsSpan();
            if (source.Length > sortKeys.Length)
            {
                sortKeys = new long[source.Length];
            }

            // Day in the high half, document index in the low half: sorting the keys sorts by (day, document order).
            var keys = sortKeys.AsSpan(0, source.Length);
            for (var i = 0; i < source.Length; i++)
            {
                keys[i] = ((long)source[i].At.DayNumber << 32) | (uint)i;
            }

            keys.Sort();
            foreach (var key in keys)
            {
                var index = (int)(key & 0xFFFF_FFFF);
                table.CheckInDay[checkIn] = source[index].At.DayNumber;
                table.CheckInValue[checkIn] = source[index].Value;
                table.CheckInConfidence[checkIn] = (sbyte)(source[index].Confidence ?? NoConfidence);
                table.CheckInSource[checkIn] = index;
                checkIn++;
            }

            foreach (var checklistItem in definition.Items)
            {
                table.ItemDay[item] = checklistItem.DoneOn?.DayNumber ?? NotDone;
                table.ItemWeight[item] = checklistItem.Weight;
                item++;
            }
        }

        table.CheckInStart[keyResults.Length] = checkIn;
        table.ItemStart[keyResults.Length] = item;
        return table;
    }

    /// <summary>The latest check-in of <paramref name="node"/> as of <paramref name="day"/> (ties: later in document order), or -1.</summary>
    public int LatestAsOf(int node, int day)
    {
        // The last entry with CheckInDay <= day: binary search for the first entry after day.
        var low = CheckInStart[node];
        var high = CheckInStart[node + 1];
        var start = low;
        while (low < high)
        {
            var middle = (int)((uint)(low + high) >> 1);
            if (CheckInDay[middle] <= day)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low > start ? low - 1 : -1;
    }

    /// <summary>The weighted share of the checklist items of <paramref name="node"/> done on or before <paramref name="day"/>, summed in item order.</summary>
    public double ChecklistShare(int node, int day)
    {
        double done = 0;
        double total = 0;
        for (var i = ItemStart[node]; i < ItemStart[node + 1]; i++)
        {
            total += ItemWeight[i];
            if (ItemDay[i] <= day)
            {
                done += ItemWeight[i];
            }
        }

        return total > 0 ? ScoreMath.Normalize(done / total) : 0;
    }

    /// <summary>The two definition values a kind reads, as <see cref="First"/> and <see cref="Second"/> hold them.</summary>
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
