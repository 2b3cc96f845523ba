namespace Okr.Core.Benchmarks.Rollup;

/// <summary>
/// A deterministic synthetic organisation (fixed seed) for the rollup benchmarks: objective i aligns to objective
/// (i - 1) / 8 (fan-out 8), about 10% also to an earlier objective; four key results per objective of mixed kinds
/// with 1-13 check-ins each in Q4 2026 (unsorted, some on the same day, some after the as-of day); a mix of
/// progressFrom modes and commitments; about 10% of objectives have a mean rollup key result (fed by their child
/// objectives) and 10% a sum rollup (fed by their children's first key result, always increase or decrease).
/// </summary>
public static class SyntheticOrganisation
{
    /// <summary>The day every benchmark evaluates as of.</summary>
    public static readonly DateOnly AsOf = new(2026, 11, 24);

    private static readonly DateOnly QuarterStart = new(2026, 10, 1);

    public static OkrSet Create(int objectiveCount, int seed = 20261124)
    {
        var random = new Random(seed);
        var q4 = Period.Quarter(2026, 4);
        var rollupKind = new byte[objectiveCount]; // 0 none, 1 mean, 2 sum (the kind of key result 3)
        var objectives = new Objective[objectiveCount];
        for (var i = 0; i < objectiveCount; i++)
        {
            var roll = random.NextDouble();
            rollupKind[i] = roll < 0.1 ? (byte)1 : roll < 0.2 ? (byte)2 : (byte)0;
            var parent = i == 0 ? -1 : (i - 1) / 8;

            var links = new List<AlignmentLink>(3);
            if (parent >= 0)
            {
                links.Add(AlignmentLink.ToObjective(Objective(parent), random.NextDouble() < 0.9 ? 1 : 2));
                if (random.NextDouble() < 0.1 && i > 1)
                {
                    var second = random.Next(0, i);
                    if (second != parent)
                    {
                        links.Add(AlignmentLink.ToObjective(Objective(second), random.NextDouble() < 0.95 ? 0.5 : 0));
                    }
                }

                if (rollupKind[parent] == 1)
                {
                    links.Add(AlignmentLink.ToKeyResult(KeyResultId(parent, 3)));
                }
            }

            var keyResults = new KeyResult[4];
            for (var k = 0; k < 4; k++)
            {
                AlignmentLink[] krLinks = k == 0 && parent >= 0 && rollupKind[parent] == 2 ? [AlignmentLink.ToKeyResult(KeyResultId(parent, 3))] : [];
                keyResults[k] = KeyResultFor(random, KeyResultId(i, k), k, rollupKind[i], krLinks);
            }

            var progress = random.NextDouble();
            objectives[i] = new Objective(
                Objective(i),
                "Delight our customers",
                "team",
                q4.Id,
                keyResults,
                random.NextDouble() < 0.2 ? Commitment.Committed : Commitment.Aspirational,
                progress < 0.5 ? ProgressSource.Both : progress < 0.8 ? ProgressSource.KeyResults : ProgressSource.Children,
                links);
        }

        return new OkrSet([q4], [new Owner("team", "Team")], objectives);
    }

    public static string Objective(int i) => $"o{i}";

    public static string KeyResultId(int objective, int k) => $"o{objective}k{k}";

    private static KeyResult KeyResultFor(Random random, string id, int slot, byte rollupKind, AlignmentLink[] links)
    {
        var weight = random.NextDouble() switch { < 0.8 => 1.0, < 0.95 => 2.0, _ => 0.0 };
        var kind = slot switch
        {
            0 => random.NextDouble() < 0.6 ? KeyResultKind.Increase : KeyResultKind.Decrease,
            1 => (KeyResultKind)random.Next((int)KeyResultKind.AtLeast, (int)KeyResultKind.Milestone + 1),
            2 => random.Next(4) switch { 0 => KeyResultKind.Increase, 1 => KeyResultKind.Milestone, 2 => KeyResultKind.Checklist, _ => KeyResultKind.Within },
            _ => rollupKind != 0 ? KeyResultKind.Rollup : (KeyResultKind)random.Next((int)KeyResultKind.Increase, (int)KeyResultKind.Checklist + 1),
        };

        switch (kind)
        {
            case KeyResultKind.Rollup:
                return KeyResult.Create(id, "Rolled up", rollupKind == 1 ? KeyResultDefinition.RollupMean() : KeyResultDefinition.RollupSum(0, 8 * Value(random, 100, 2000)), weight, alignsTo: links);
            case KeyResultKind.Checklist:
                var items = new ChecklistItem[random.Next(1, 7)];
                for (var i = 0; i < items.Length; i++)
                {
                    items[i] = new ChecklistItem($"Item {i}", random.Next(3) switch { 0 => 0.5, 1 => 1, _ => 2 }, random.NextDouble() < 0.6 ? Day(random) : null);
                }

                return KeyResult.Create(id, "Ready", KeyResultDefinition.Checklist(items), weight, alignsTo: links);
            default:
                break;
        }

        var baseline = Value(random, 0, 1000);
        var span = Value(random, 1, 1000);
        KeyResultDefinition definition = kind switch
        {
            KeyResultKind.Increase => KeyResultDefinition.Increase(baseline, baseline + span),
            KeyResultKind.Decrease => KeyResultDefinition.Decrease(baseline + span, baseline),
            KeyResultKind.AtLeast => KeyResultDefinition.AtLeast(baseline),
            KeyResultKind.AtMost => KeyResultDefinition.AtMost(baseline),
            KeyResultKind.Within => KeyResultDefinition.Within(baseline, baseline + span),
            _ => KeyResultDefinition.Milestone(),
        };

        var checkIns = new CheckIn[random.Next(1, 14)];
        for (var i = 0; i < checkIns.Length; i++)
        {
            var value = kind == KeyResultKind.Milestone ? random.Next(2) : baseline + Value(random, -200, 1200) * span / 1000;
            checkIns[i] = new CheckIn(i > 0 && random.NextDouble() < 0.1 ? checkIns[i - 1].At : Day(random), value, random.NextDouble() < 0.7 ? random.Next(0, 11) : null);
        }

        return KeyResult.Create(id, "Measured", definition, weight, checkIns, links);
    }

    /// <summary>A day of Q4 2026, uniformly.</summary>
    private static DateOnly Day(Random random) => QuarterStart.AddDays(random.Next(0, 92));

    /// <summary>A value in [low, high] with 0, 1 or 2 decimals.</summary>
    private static decimal Value(Random random, int low, int high) => random.Next(3) switch
    {
        0 => random.Next(low, high + 1),
        1 => random.Next(low * 10, (high * 10) + 1) / 10m,
        _ => random.Next(low * 100, (high * 100) + 1) / 100m,
    };
}
