using System.Diagnostics;
using Okr.Core.Benchmarks.Rollup;

namespace Okr.Core.Benchmarks;

/// <summary>
/// <c>passes N SECONDS</c>: the best time of each pass of a full evaluation (measured key results, checklists,
/// objectives and rollups) on one core, over and over for a while: where the evaluation spends its time.
/// </summary>
internal static class PassTimings
{
    public static void Run(int objectives, int seconds)
    {
        var graph = AlignmentGraph.Build(SyntheticOrganisation.Create(objectives));
        var state = new EvaluationState(graph);
        var plan = graph.Plan;
        var day = SyntheticOrganisation.AsOf;
        RollupCalculator.EvaluateAll(graph, state, day, secondCore: null, minimumSplitLevel: 0);
        double measured = double.MaxValue, checklists = double.MaxValue, composites = double.MaxValue;
        var levelBest = new double[plan.LevelStart.Length - 1];
        Array.Fill(levelBest, double.MaxValue);
        var clock = new Stopwatch();
        var until = Stopwatch.StartNew();
        while (until.Elapsed.TotalSeconds < seconds)
        {
            measured = Math.Min(measured, Time(clock, () => RollupCalculator.EvaluateRange(graph, state, new PassRange(0, plan.MeasuredNodes.Length, 0, 0, 0, 0, day))));
            checklists = Math.Min(checklists, Time(clock, () => RollupCalculator.EvaluateRange(graph, state, new PassRange(0, 0, 0, plan.ChecklistNodes.Length, 0, 0, day))));
            double all = 0;
            for (var level = 0; level < levelBest.Length; level++)
            {
                var (from, to) = (plan.LevelStart[level], plan.LevelStart[level + 1]);
                var time = Time(clock, () => RollupCalculator.EvaluateRange(graph, state, new PassRange(0, 0, 0, 0, from, to, day)));
                levelBest[level] = Math.Min(levelBest[level], time);
                all += time;
            }

            composites = Math.Min(composites, all);
        }

        var levels = new List<string>();
        for (var level = 0; level < levelBest.Length; level++)
        {
            levels.Add($"{plan.LevelStart[level + 1] - plan.LevelStart[level]}: {levelBest[level]:F2} ms");
        }

        Console.WriteLine($"levels (nodes: best time): {string.Join(", ", levels)}");
        Console.WriteLine($"measured key results {measured:F2} ms ({plan.MeasuredNodes.Length}), checklists {checklists:F2} ms ({plan.ChecklistNodes.Length}), objectives and rollups {composites:F2} ms ({plan.CompositeOrder.Length} in {plan.LevelStart.Length - 1} levels)");
    }

    private static double Time(Stopwatch clock, Action pass)
    {
        clock.Restart();
        pass();
        return clock.Elapsed.TotalMilliseconds;
    }
}
