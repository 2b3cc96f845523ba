using BenchmarkDotNet.Attributes;

namespace Okr.Core.Benchmarks;

/// <summary>
/// Scores one key result of each kind with <see cref="KeyResult.Score(DateOnly)"/>: the hot path of every evaluation.
/// Scoring reads the definition and the check-ins in place, so every benchmark here should allocate nothing.
/// </summary>
[MemoryDiagnoser]
public class KeyResultScoringBenchmarks
{
    private static readonly DateOnly AsOf = new(2026, 11, 15);

    private KeyResult _increase = null!;
    private KeyResult _decrease = null!;
    private KeyResult _atLeast = null!;
    private KeyResult _atMost = null!;
    private KeyResult _within = null!;
    private KeyResult _milestone = null!;
    private KeyResult _checklist = null!;
    private KeyResult _rollupSum = null!;

    [GlobalSetup]
    public void Setup()
    {
        // Twelve weekly check-ins, some after the as-of day, so the latest-check-in search does real work.
        var weekly = Enumerable.Range(0, 12)
            .Select(week => new CheckIn(new DateOnly(2026, 10, 1).AddDays(7 * week), 10 + week, confidence: 6))
            .ToArray();
        var binary = Enumerable.Range(0, 12)
            .Select(week => new CheckIn(new DateOnly(2026, 10, 1).AddDays(7 * week), week % 2, confidence: 6))
            .ToArray();

        _increase = KeyResult.Create("kr-increase", "Grow weekly orders from 10 to 40", KeyResultDefinition.Increase(10, 40), checkIns: weekly);
        _decrease = KeyResult.Create("kr-decrease", "Cut waiting time from 30 to 5 minutes", KeyResultDefinition.Decrease(30, 5), checkIns: weekly);
        _atLeast = KeyResult.Create("kr-at-least", "Rating stays at 15 or more", KeyResultDefinition.AtLeast(15), checkIns: weekly);
        _atMost = KeyResult.Create("kr-at-most", "Failed payments stay at 20 or fewer", KeyResultDefinition.AtMost(20), checkIns: weekly);
        _within = KeyResult.Create("kr-within", "Oven temperature between 12 and 18", KeyResultDefinition.Within(12, 18), checkIns: weekly);
        _milestone = KeyResult.Create("kr-milestone", "New oven commissioned", KeyResultDefinition.Milestone(), checkIns: binary);
        _checklist = KeyResult.Create(
            "kr-checklist",
            "Online shop ready",
            KeyResultDefinition.Checklist(
                new ChecklistItem("Menu online", doneOn: new DateOnly(2026, 10, 12)),
                new ChecklistItem("Payments", weight: 2, doneOn: new DateOnly(2026, 11, 9)),
                new ChecklistItem("Delivery partner"),
                new ChecklistItem("Gift cards", doneOn: new DateOnly(2026, 12, 1)),
                new ChecklistItem("Loyalty app", weight: 3)));
        _rollupSum = KeyResult.Create("kr-rollup-sum", "Reach 2,000 loyalty members", KeyResultDefinition.RollupSum(0, 2000));
    }

    [Benchmark(Baseline = true)]
    public KeyResultScore Increase() => _increase.Score(AsOf);

    [Benchmark]
    public KeyResultScore Decrease() => _decrease.Score(AsOf);

    [Benchmark]
    public KeyResultScore AtLeast() => _atLeast.Score(AsOf);

    [Benchmark]
    public KeyResultScore AtMost() => _atMost.Score(AsOf);

    [Benchmark]
    public KeyResultScore Within() => _within.Score(AsOf);

    [Benchmark]
    public KeyResultScore Milestone() => _milestone.Score(AsOf);

    [Benchmark]
    public KeyResultScore Checklist() => _checklist.Score(AsOf);

    /// <summary>A sum rollup scored on its own (no graph): baseline, pending. Its real work happens in the graph.</summary>
    [Benchmark]
    public KeyResultScore RollupSum() => _rollupSum.Score(AsOf);
}
