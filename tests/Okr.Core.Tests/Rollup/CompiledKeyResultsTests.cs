namespace Okr.Core.Tests.Rollup;

public class CompiledKeyResultsTests
{
    [Fact]
    public void LatestAsOf_UnsortedCheckInsWithTies_LaterInDocumentOrderWins()
    {
        var keyResult = KeyResult.Create("kr", "K", KeyResultDefinition.Increase(0, 10), checkIns:
        [
            new CheckIn(new DateOnly(2026, 10, 9), 5, confidence: 2),
            new CheckIn(new DateOnly(2026, 10, 2), 1),
            new CheckIn(new DateOnly(2026, 10, 9), 6, confidence: 8),
            new CheckIn(new DateOnly(2026, 10, 5), 3),
        ]);
        var table = CompiledKeyResults.From([null, keyResult]);

        Assert.Equal(-1, table.LatestAsOf(1, new DateOnly(2026, 10, 1).DayNumber));
        foreach (var day in Enumerable.Range(0, 20).Select(d => new DateOnly(2026, 10, 1).AddDays(d)))
        {
            var latest = table.LatestAsOf(1, day.DayNumber);
            var expected = keyResult.LatestCheckIn(day);
            Assert.Equal(expected is null, latest < 0);
            if (expected is { } checkIn)
            {
                Assert.Equal(checkIn.At.DayNumber, table.DayAt(latest));
                Assert.Equal(checkIn.Confidence ?? -1, table.ConfidenceAt(latest));
                Assert.Equal(keyResult.Score(day).Attainment, table.CheckInAttainment[latest]);
            }
        }

        var onTie = table.LatestAsOf(1, new DateOnly(2026, 10, 9).DayNumber);
        Assert.Equal(0.6, table.CheckInAttainment[onTie]);
        Assert.Equal(8, table.ConfidenceAt(onTie));
    }

    [Fact]
    public void CheckInAttainment_EachKindAsItsRecordScoresIt()
    {
        var day = new DateOnly(2026, 10, 5);
        KeyResultDefinition[] definitions =
        [
            KeyResultDefinition.Increase(0.5m, 2.25m), KeyResultDefinition.Decrease(12, 4), KeyResultDefinition.AtLeast(3),
            KeyResultDefinition.AtMost(3), KeyResultDefinition.Within(2, 3.5m), KeyResultDefinition.Milestone(),
        ];
        foreach (var definition in definitions)
        {
            foreach (var value in new[] { -1m, 0m, 1m, 2.5m, 3m, 7.125m, 13m })
            {
                if (definition.Kind == KeyResultKind.Milestone && value is not (0m or 1m))
                {
                    continue;
                }

                var keyResult = KeyResult.Create("kr", "K", definition, checkIns: [new CheckIn(day, value, confidence: 10)]);
                var table = CompiledKeyResults.From([keyResult]);
                Assert.Equal(keyResult.Score(day).Attainment, table.CheckInAttainment[0]);
                Assert.Equal(10, table.ConfidenceAt(0));
            }
        }
    }

    [Fact]
    public void CheckInAttainment_IncreaseAndDecreaseOfManyScales_SameAsTheRecordsScore()
    {
        // Values of 0 to 6 decimals, some with mantissas near or past 2^53 (the exact one-division path does not
        // apply to those: the key result falls back to scoring each check-in on its own).
        var random = new Random(8);
        decimal Value() => random.Next(5) switch
        {
            0 => (decimal)random.NextInt64(-9_007_199_254_740_991, 9_007_199_254_740_991) / (decimal)Math.Pow(10, random.Next(0, 4)),
            1 => 79_228_162_514_264_337_593_543m / (random.Next(1, 9) * 7m),
            _ => random.Next(-100_000, 100_000) / (decimal)Math.Pow(10, random.Next(0, 7)),
        };

        var day = new DateOnly(2026, 10, 5);
        for (var i = 0; i < 2_000; i++)
        {
            var (baseline, target) = (Value(), Value());
            if (baseline == target)
            {
                continue;
            }

            var definition = target > baseline ? KeyResultDefinition.Increase(baseline, target) : KeyResultDefinition.Decrease(baseline, target);
            var values = Enumerable.Range(0, random.Next(1, 6)).Select(_ => Value()).ToArray();
            var keyResult = KeyResult.Create("kr", "K", definition, checkIns: [.. values.Select((v, k) => new CheckIn(day.AddDays(k), v))]);
            var table = CompiledKeyResults.From([keyResult]);
            for (var k = 0; k < values.Length; k++)
            {
                Assert.Equal(keyResult.Score(day.AddDays(k)).Attainment, table.CheckInAttainment[k]);
            }
        }
    }

    [Fact]
    public void CheckInAttainment_ThresholdKindsOfManyScales_SameAsTheRecordsScore()
    {
        // Thresholds and values of 0 to 6 decimals (trailing zeros too), some past 2^53 at their common scale (those
        // key results fall back from comparing scaled integers to comparing decimals), unsorted days.
        var random = new Random(9);
        decimal Value() => random.Next(5) switch
        {
            0 => (decimal)random.NextInt64(-9_007_199_254_740_991, 9_007_199_254_740_991) / (decimal)Math.Pow(10, random.Next(0, 4)),
            1 => 79_228_162_514_264_337_593_543m / (random.Next(1, 9) * 7m),
            2 => random.Next(-5, 6) * 1.000m,
            _ => random.Next(-100_000, 100_000) / (decimal)Math.Pow(10, random.Next(0, 7)),
        };

        var day = new DateOnly(2026, 10, 5);
        for (var i = 0; i < 2_000; i++)
        {
            var (low, high) = (Value(), Value());
            var definition = random.Next(3) switch
            {
                0 => KeyResultDefinition.AtLeast(low),
                1 => KeyResultDefinition.AtMost(low),
                _ => KeyResultDefinition.Within(Math.Min(low, high), Math.Max(low, high)),
            };
            var values = Enumerable.Range(0, random.Next(1, 6)).Select(_ => random.Next(4) == 0 ? low : Value()).ToArray();
            var days = Enumerable.Range(0, values.Length).OrderBy(_ => random.Next()).ToArray();
            var keyResult = KeyResult.Create("kr", "K", definition, checkIns: [.. values.Select((v, k) => new CheckIn(day.AddDays(days[k]), v))]);
            var table = CompiledKeyResults.From([keyResult]);
            for (var k = 0; k < values.Length; k++)
            {
                Assert.Equal(keyResult.Score(day.AddDays(k)).Attainment, table.CheckInAttainment[k]);
            }
        }
    }

    [Fact]
    public void CheckIns_OfAnyCountInAnyOrder_CompiledByDayThenDocumentOrder()
    {
        // 1-40 check-ins: up to 16 are sorted by rank, up to 32 by insertion, more by the general sort; days repeat.
        var random = new Random(10);
        var day = new DateOnly(2026, 10, 1);
        for (var i = 0; i < 500; i++)
        {
            var count = 1 + (i % 40);
            var checkIns = Enumerable.Range(0, count)
                .Select(k => new CheckIn(day.AddDays(random.Next(0, count)), k, confidence: random.Next(3) == 0 ? null : random.Next(0, 11)))
                .ToArray();
            var keyResult = KeyResult.Create("kr", "K", KeyResultDefinition.Increase(0, 40), checkIns: checkIns);
            var table = CompiledKeyResults.From([keyResult]);

            var expected = checkIns.Select((checkIn, index) => (checkIn, index)).OrderBy(c => c.checkIn.At).ThenBy(c => c.index).Select(c => c.checkIn).ToArray();
            for (var position = 0; position < count; position++)
            {
                Assert.Equal(expected[position].At.DayNumber, table.DayAt(position));
                Assert.Equal(expected[position].Confidence ?? -1, table.ConfidenceAt(position));
                Assert.Equal((double)expected[position].Value / 40, table.CheckInAttainment[position]);
            }
        }
    }

    [Fact]
    public void Compilation_JoinedByTwoThreads_CompilesEveryKeyResult()
    {
        // 40,000 key results: three chunks, taken by whichever thread comes first (a chunk taken twice would be
        // compiled twice to the same values: this checks that none is left out or mixed up).
        var random = new Random(11);
        var day = new DateOnly(2026, 10, 1);
        var keyResults = Enumerable.Range(0, 40_000)
            .Select(i => (KeyResult?)KeyResult.Create($"kr{i}", "K", KeyResultDefinition.Increase(0, 100), checkIns:
                [.. Enumerable.Range(0, random.Next(0, 4)).Select(_ => new CheckIn(day.AddDays(random.Next(0, 30)), random.Next(-10, 130)))]))
            .ToArray();
        var kinds = new NodeKind[keyResults.Length];
        var checkInStart = new int[keyResults.Length + 1];
        var itemStart = new int[keyResults.Length + 1];
        for (var node = 0; node < keyResults.Length; node++)
        {
            kinds[node] = NodeKind.Ratio;
            checkInStart[node + 1] = checkInStart[node] + keyResults[node]!.CheckIns.Count;
        }

        var compilation = new CompiledKeyResults.Compilation(keyResults, kinds, checkInStart, itemStart);
        var threads = new[] { new Thread(() => compilation.Join(CancellationToken.None)), new Thread(() => compilation.Join(CancellationToken.None)) };
        foreach (var thread in threads)
        {
            thread.Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        var table = compilation.Table;
        foreach (var asOf in new[] { day.AddDays(10), day.AddDays(40) })
        {
            for (var node = 0; node < keyResults.Length; node++)
            {
                var latest = table.LatestAsOf(node, asOf.DayNumber);
                var expected = keyResults[node]!.Score(asOf);
                Assert.Equal(expected.IsPending, latest < 0);
                if (latest >= 0)
                {
                    Assert.Equal(expected.Attainment, table.CheckInAttainment[latest]);
                }
            }
        }
    }

    [Fact]
    public void CheckInAttainment_KindsMixedInOneTable_EachAsItsRecordScoresIt()
    {
        // Every kind, objectives, empty key results and the decimal path side by side in one table: none may read
        // another's check-ins or attainments.
        var random = new Random(13);
        var day = new DateOnly(2026, 10, 1);
        KeyResultDefinition[] definitions =
        [
            KeyResultDefinition.Increase(0, 100), KeyResultDefinition.AtLeast(50), KeyResultDefinition.Decrease(100, 20),
            KeyResultDefinition.AtMost(40.5m), KeyResultDefinition.Within(10, 60), KeyResultDefinition.Milestone(),
            KeyResultDefinition.Increase(0.1m, 79_228_162_514_264_337_593_543_950.335m),
        ];
        var keyResults = Enumerable.Range(0, 3_000).Select(i =>
        {
            if (i % 11 == 0)
            {
                return null; // an objective
            }

            var definition = definitions[random.Next(definitions.Length)];
            var checkIns = Enumerable.Range(0, random.Next(0, 7))
                .Select(_ => new CheckIn(day.AddDays(random.Next(0, 20)), definition.Kind == KeyResultKind.Milestone ? random.Next(0, 2) : random.Next(-20, 140) + 0.25m, random.Next(-1, 11) is var c && c >= 0 ? c : null));
            return (KeyResult?)KeyResult.Create($"kr{i}", "K", definition, checkIns: [.. checkIns]);
        }).ToArray();

        var table = CompiledKeyResults.From(keyResults);
        foreach (var asOf in Enumerable.Range(0, 22).Select(d => day.AddDays(d)))
        {
            for (var node = 0; node < keyResults.Length; node++)
            {
                if (keyResults[node] is not { } keyResult)
                {
                    continue;
                }

                var latest = table.LatestAsOf(node, asOf.DayNumber);
                var expected = keyResult.Score(asOf);
                Assert.Equal(expected.IsPending, latest < 0);
                if (latest >= 0)
                {
                    Assert.Equal(expected.Attainment, table.CheckInAttainment[latest]);
                    Assert.Equal(keyResult.LatestCheckIn(asOf)!.Value.At.DayNumber, table.DayAt(latest));
                    Assert.Equal(keyResult.LatestCheckIn(asOf)!.Value.Confidence ?? -1, table.ConfidenceAt(latest));
                }
            }
        }
    }

    [Fact]
    public void CheckInAttainment_MantissasPastTheIntegerPath_SameAsTheRecordsScore()
    {
        // Mantissas of 2^53 to 2^64 - 1 (past what the integer path takes) and beyond 64 bits, negative zero.
        decimal[] values =
        [
            9_007_199_254_740_991m, 9_007_199_254_740_992m, -9_007_199_254_740_992m, 9_223_372_036_854_775_807m,
            9_223_372_036_854_775_808m, -9_223_372_036_854_775_808m, 18_446_744_073_709_551_615m, -18_446_744_073_709_551_615m,
            18_446_744_073_709_551_616m, -0.000m, 0.5m, 79_228_162_514_264_337_593_543_950_335m,
        ];
        KeyResultDefinition[] definitions =
        [
            KeyResultDefinition.Increase(0, 100), KeyResultDefinition.Decrease(100, -100), KeyResultDefinition.AtLeast(0),
            KeyResultDefinition.AtMost(-0.000m), KeyResultDefinition.Within(-9_223_372_036_854_775_808m, 9_223_372_036_854_775_808m),
        ];
        var day = new DateOnly(2026, 10, 5);
        foreach (var definition in definitions)
        {
            foreach (var value in values)
            {
                // With a small value beside it, so the key result holds a value the integer path could take too.
                var keyResult = KeyResult.Create("kr", "K", definition, checkIns: [new CheckIn(day, 1), new CheckIn(day.AddDays(1), value)]);
                var table = CompiledKeyResults.From([keyResult]);
                Assert.Equal(keyResult.Score(day).Attainment, table.CheckInAttainment[0]);
                Assert.Equal(keyResult.Score(day.AddDays(1)).Attainment, table.CheckInAttainment[1]);
            }
        }
    }

    [Fact]
    public void SortKeys_EverySorter_SortsDistinctKeys()
    {
        var random = new Random(12);
        for (var i = 0; i < 2_000; i++)
        {
            var keys = Enumerable.Range(0, 1 + (i % 40)).Select(k => ((long)random.Next(0, 30) << 32) | (uint)k).ToArray();
            var expected = keys.Order().ToArray();

            var sorted = (long[])keys.Clone();
            CompiledKeyResults.SortKeys(sorted);
            Assert.Equal(expected, sorted);

            sorted = (long[])keys.Clone();
            CompiledKeyResults.InsertionSort(sorted);
            Assert.Equal(expected, sorted);

            if (keys.Length <= 16 && System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated)
            {
                sorted = (long[])keys.Clone();
                CompiledKeyResults.SortByRank(sorted);
                Assert.Equal(expected, sorted);
            }
        }
    }

    [Fact]
    public void ChecklistShare_EqualsTheRecordsShare()
    {
        var definition = KeyResultDefinition.Checklist(
            new ChecklistItem("a", 0.1, new DateOnly(2026, 10, 3)),
            new ChecklistItem("b", 0.2),
            new ChecklistItem("c", 0.7, new DateOnly(2026, 10, 9)));
        var keyResult = KeyResult.Create("kr", "K", definition);
        var table = CompiledKeyResults.From([keyResult]);
        foreach (var day in Enumerable.Range(0, 12).Select(d => new DateOnly(2026, 10, 1).AddDays(d)))
        {
            Assert.Equal(keyResult.Score(day).Score, table.ChecklistShare(0, day.DayNumber));
        }
    }
}
