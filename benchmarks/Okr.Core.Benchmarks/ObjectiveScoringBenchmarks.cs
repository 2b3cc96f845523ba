using BenchmarkDotNet.Attributes;

namespace Okr.Core.Benchmarks;

/// <summary>
/// Evaluates a precompiled <see cref="AlignmentGraph"/>: every key result scored, every objective rolled up
/// children first, every status decided. Each objective has five key results (increase, decrease, atLeast,
/// milestone, checklist); objective i aligns to objective (i - 1) / 10, a ten-way tree, and every objective
/// counts both its key results and its children.
/// </summary>
[MemoryDiagnoser]
public class ObjectiveScoringBenchmarks
{
    private static readonly DateOnly AsOf = new(2026, 11, 15);

    private AlignmentGraph _graph = null!;

    [Params(1, 100, 10_000)]
    public int Objectives { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var q4 = Period.Quarter(2026, 4);
        var objectives = new List<Objective>(Objectives);
        for (var i = 0; i < Objectives; i++)
        {
            var day = new DateOnly(2026, 10, 1).AddDays(i % 60);
            KeyResult[] keyResults =
            [
                KeyResult.Create($"kr-{i}-orders", "Grow weekly orders from 100 to 400", KeyResultDefinition.Increase(100, 400), weight: 2,
                    checkIns: [new CheckIn(day, 150 + (i % 200), confidence: 6), new CheckIn(day.AddDays(14), 180 + (i % 200), confidence: 7)]),
                KeyResult.Create($"kr-{i}-wait", "Cut waiting time from 12 to 4 minutes", KeyResultDefinition.Decrease(12, 4),
                    checkIns: [new CheckIn(day, 9, confidence: 5)]),
                KeyResult.Create($"kr-{i}-rating", "Keep the rating at 4.5 or more", KeyResultDefinition.AtLeast(4.5m),
                    checkIns: [new CheckIn(day, 4.6m, confidence: 8)]),
                KeyResult.Create($"kr-{i}-oven", "New oven commissioned", KeyResultDefinition.Milestone(),
                    checkIns: i % 3 == 0 ? [new CheckIn(day, 1)] : []),
                KeyResult.Create($"kr-{i}-shop", "Online shop ready", KeyResultDefinition.Checklist(
                    new ChecklistItem("Menu online", doneOn: day),
                    new ChecklistItem("Payments", weight: 2, doneOn: day.AddDays(30)),
                    new ChecklistItem("Delivery partner"))),
            ];
            AlignmentLink[] alignsTo = i == 0 ? [] : [AlignmentLink.ToObjective($"o-{(i - 1) / 10}")];
            objectives.Add(new Objective($"o-{i}", "Delight our customers", "team", q4.Id, keyResults,
                progressFrom: ProgressSource.Both, alignsTo: alignsTo));
        }

        var set = new OkrSet([q4], [new Owner("team", "Team")], objectives);
        _graph = set.TryCompile().Match(graph => graph, errors => throw new InvalidOperationException(errors.ToString()));
    }

    /// <summary>Scores, rollup and statuses; the per-objective report records are built lazily and not touched.</summary>
    [Benchmark(Baseline = true)]
    public OkrEvaluation Evaluate() => _graph.Evaluate(AsOf);

    /// <summary>Evaluate, then materialise the report (one record per objective and key result), as a host printing it would.</summary>
    [Benchmark]
    public int EvaluateAndReport() => _graph.Evaluate(AsOf).Objectives.Count;
}
