namespace Okr.Core.Benchmarks;

/// <summary>
/// The floor of compiling a set: one pass, on every core, that reads every input a build reads from the set's records
/// once (ids character by character, owners, periods, commitments and progress modes, links with their targets and
/// weights, key result weights and definitions, checklist items, and every check-in's day, value and confidence) and
/// adds them up. A build cannot take less than this; how far above it a build is tells whether it waits for memory
/// (visiting millions of records scattered over the heap) or computes. Titles and notes, which no build reads, are
/// not read.
/// </summary>
public static class SetReadFloor
{
    // Objectives per chunk, as the build's gathering shares them among the cores.
    private const int ChunkSize = 8_192;

    /// <summary>The sum of every input a build reads, read on every core.</summary>
    /// <param name="set">The set.</param>
    public static long Of(OkrSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var objectives = set.Objectives.AsImmutableArray();
        var chunks = (objectives.Length + ChunkSize - 1) / ChunkSize;
        var sums = new long[chunks];
        Parallel.For(0, chunks, chunk =>
        {
            long sum = 0;
            foreach (var objective in objectives.AsSpan()[(chunk * ChunkSize)..Math.Min(objectives.Length, (chunk + 1) * ChunkSize)])
            {
                sum += Read(objective);
            }

            sums[chunk] = sum;
        });

        long total = 0;
        foreach (var sum in sums)
        {
            total += sum; // wraps around, as every sum here does (weights are added as their 64-bit patterns)
        }

        foreach (var period in set.Periods.AsSpan())
        {
            total += Chars(period.Id) + period.Start.DayNumber + period.End.DayNumber;
        }

        foreach (var owner in set.Owners.AsSpan())
        {
            total += Chars(owner.Id) + Chars(owner.ParentId);
        }

        return total;
    }

    private static long Read(Objective objective)
    {
        var sum = Chars(objective.Id) + Chars(objective.OwnerId) + Chars(objective.PeriodId) + (int)objective.Commitment + (int)objective.ProgressFrom
            + Links(objective.AlignsTo.AsSpan());
        foreach (var keyResult in objective.KeyResults.AsSpan())
        {
            var definition = keyResult.Definition;
            sum += Chars(keyResult.Id) + BitConverter.DoubleToInt64Bits(keyResult.Weight) + Links(keyResult.AlignsTo.AsSpan())
                + (int)definition.Kind + ((int?)definition.Aggregate ?? -1)
                + Bits(definition.Baseline) + Bits(definition.Target) + Bits(definition.Threshold) + Bits(definition.Min) + Bits(definition.Max);
            foreach (var item in definition.Items.AsSpan())
            {
                sum += BitConverter.DoubleToInt64Bits(item.Weight) + (item.DoneOn?.DayNumber ?? -1);
            }

            foreach (ref readonly var checkIn in keyResult.CheckIns.AsSpan())
            {
                sum += checkIn.At.DayNumber + (checkIn.Confidence ?? -1) + Bits(checkIn.Value);
            }
        }

        return sum;
    }

    private static long Links(ReadOnlySpan<AlignmentLink> links)
    {
        long sum = 0;
        foreach (var link in links)
        {
            sum += (int)link.TargetKind + Chars(link.TargetId) + BitConverter.DoubleToInt64Bits(link.Weight);
        }

        return sum;
    }

    /// <summary>The characters of <paramref name="text"/> added up (0 for null).</summary>
    public static long Chars(string? text)
    {
        long sum = 0;
        foreach (var c in text.AsSpan())
        {
            sum += c;
        }

        return sum;
    }

    /// <summary>The four 32-bit parts of <paramref name="value"/> added up (0 for null).</summary>
    public static long Bits(decimal? value)
    {
        if (value is not { } present)
        {
            return 0;
        }

        Span<int> bits = stackalloc int[4];
        decimal.GetBits(present, bits);
        return (long)bits[0] + bits[1] + bits[2] + bits[3];
    }
}
