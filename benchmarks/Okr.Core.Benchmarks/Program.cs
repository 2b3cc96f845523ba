using System.Diagnostics;
using BenchmarkDotNet.Running;
using Okr.Core;
using Okr.Core.Benchmarks;
using Okr.Core.Benchmarks.Rollup;
using Okr.Core.Documents;

switch (args)
{
    // write-document N FILE: the synthetic organisation of N objectives as an okr/v1 document (for `okr score`).
    case ["write-document", var count, var path]:
        File.WriteAllBytes(path, OkrDocument.WriteUtf8(SyntheticOrganisation.Create(int.Parse(count, System.Globalization.CultureInfo.InvariantCulture))));
        return;

    case ["score-stages", .. var stageArgs]: ScoreStages.Run(stageArgs); return;

    // probe N: one stopwatch timing of each step, for profiling (BenchmarkDotNet gives the real numbers).
    case ["probe", var count]:
        Probe(int.Parse(count, System.Globalization.CultureInfo.InvariantCulture));
        return;
    // loop N SECONDS: evaluate the compiled graph over and over (a target for a sampling profiler such as perf).
    case ["loop", var count, var seconds]:
        var looped = new RollupBenchmarks { Objectives = int.Parse(count, System.Globalization.CultureInfo.InvariantCulture) };
        looped.Setup();
        var until = Stopwatch.StartNew();
        var runs = 0;
        while (until.Elapsed.TotalSeconds < int.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture))
        {
            looped.Okr();
            runs++;
        }

        Console.WriteLine($"{runs} evaluations, {until.Elapsed.TotalMilliseconds / runs:F2} ms each");
        return;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(RollupBenchmarks).Assembly).Run(args);
        return;
}

static void Probe(int objectives)
{
    var clock = Stopwatch.StartNew();
    var set = SyntheticOrganisation.Create(objectives);
    Console.WriteLine($"create set:   {clock.Elapsed.TotalMilliseconds,10:F1} ms");
    for (var i = 0; i < 3; i++)
    {
        clock.Restart();
        var graph = AlignmentGraph.Build(set);
        Console.WriteLine($"build graph:  {clock.Elapsed.TotalMilliseconds,10:F1} ms ({graph.NodeCount} nodes, {graph.Compiled.CheckInDay.Length} check-ins)");
    }

    var benchmarks = new RollupBenchmarks { Objectives = objectives };
    benchmarks.Setup();
    foreach (var (name, run) in new (string, Func<object>)[]
    {
        ("Okr", () => benchmarks.Okr()),
        ("MemoryFloor", () => benchmarks.MemoryFloor()),
        ("OkrIncremental", () => benchmarks.OkrIncremental()),
        ("QuikGraph", () => benchmarks.QuikGraph()),
        ("Naive", () => benchmarks.Naive()),
    })
    {
        for (var i = 0; i < 3; i++)
        {
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            clock.Restart();
            run();
            Console.WriteLine($"{name,-14}{clock.Elapsed.TotalMilliseconds,10:F3} ms {GC.GetAllocatedBytesForCurrentThread() - allocated,14} B");
        }
    }
}
