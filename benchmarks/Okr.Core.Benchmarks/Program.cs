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
    // build N: AlignmentGraph.TryBuild of N objectives three times, with a stopwatch breakdown per stage.
    case ["build", var count]:
        Build(int.Parse(count, System.Globalization.CultureInfo.InvariantCulture));
        return;

    // build-loop N SECONDS [one-core]: AlignmentGraph.TryBuild over and over, best and mean (a target for a sampling
    // profiler such as perf). With one-core, the build's steps run one after another on one thread: their total CPU cost.
    case ["build-loop", var count, var seconds, .. var rest]:
        AppContext.SetSwitch(SecondCore.OneCoreSwitch, rest is ["one-core"]);
        BuildLoop(int.Parse(count, System.Globalization.CultureInfo.InvariantCulture), int.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture));
        return;

    // compile-loop N SECONDS: the key results' compilation alone (CompiledKeyResults.From) on one core, over and over.
    case ["compile-loop", var count, var seconds]:
        CompileLoop(int.Parse(count, System.Globalization.CultureInfo.InvariantCulture), int.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture));
        return;

    // loop N SECONDS: evaluate the compiled graph over and over (a target for a sampling profiler such as perf).
    case ["loop", var count, var seconds]:
        var looped = new RollupBenchmarks { Objectives = int.Parse(count, System.Globalization.CultureInfo.InvariantCulture) };
        looped.Setup();
        var until = Stopwatch.StartNew();
        var (okrTimes, oneCoreTimes, floorTimes) = (new List<double>(), new List<double>(), new List<double>());
        while (until.Elapsed.TotalSeconds < int.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture))
        {
            okrTimes.Add(Milliseconds(looped.Okr));
            oneCoreTimes.Add(Milliseconds(looped.OkrOneCore));
            floorTimes.Add(Milliseconds(looped.MemoryFloor));
        }

        // Best, median and mean: on a noisy machine the mean moves with whatever else runs, the best and median less.
        static string Summary(List<double> times) => $"best {times.Min():F2}, median {Median(times):F2}, mean {times.Average():F2} ms";
        Console.WriteLine($"{okrTimes.Count} evaluations: Okr {Summary(okrTimes)}; one core {Summary(oneCoreTimes)}; MemoryFloor {Summary(floorTimes)}");
        Console.WriteLine($"Okr / MemoryFloor: best {okrTimes.Min() / floorTimes.Min():F2}, median {Median(okrTimes) / Median(floorTimes):F2}, mean {okrTimes.Average() / floorTimes.Average():F2}");
        return;
    // page-touch MB: what writing to memory the process has not touched yet costs, per 4 KB page, against writing to
    // it again (a machine where a first touch is slow pays for every fresh page a build or `okr score` allocates).
    case ["page-touch", var megabytes]:
        PageTouch(int.Parse(megabytes, System.Globalization.CultureInfo.InvariantCulture));
        return;

    // after-gc N SECONDS: Okr and MemoryFloor right after a full collection and once more, medians (what a forced
    // collection between BenchmarkDotNet's iterations costs the next call on this machine).
    case ["after-gc", var count, var seconds]:
        AfterCollection(int.Parse(count, System.Globalization.CultureInfo.InvariantCulture), int.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture));
        return;

    // passes N SECONDS: the best time of each evaluation pass on one core (where the time goes).
    case ["passes", var count, var seconds]:
        PassTimings.Run(int.Parse(count, System.Globalization.CultureInfo.InvariantCulture), int.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture));
        return;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(RollupBenchmarks).Assembly).Run(args);
        return;
}

static double Median(List<double> times) => times.Order().ElementAt(times.Count / 2);

static double Milliseconds<T>(Func<T> evaluation)
{
    var clock = Stopwatch.StartNew();
    evaluation();
    return clock.Elapsed.TotalMilliseconds;
}

static void PageTouch(int megabytes)
{
    const int Page = 4096;
    var memory = GC.AllocateUninitializedArray<byte>(megabytes << 20);
    var pages = memory.Length / Page;
    for (var round = 0; round < 2; round++)
    {
        var clock = Stopwatch.StartNew();
        for (var page = 0; page < pages; page++)
        {
            memory[page * Page] = (byte)(round + 1);
        }

        Console.WriteLine($"{(round == 0 ? "first touch" : "touched again")}: {clock.Elapsed.TotalMilliseconds:F0} ms for {pages:N0} pages, {clock.Elapsed.TotalMicroseconds / pages:F2} us a page");
    }
}

static void AfterCollection(int objectives, int seconds)
{
    var benchmarks = new RollupBenchmarks { Objectives = objectives };
    benchmarks.Setup();
    var names = new[] { "Okr after a collection", "Okr again", "MemoryFloor after a collection", "MemoryFloor again" };
    var times = names.Select(_ => new List<double>()).ToArray();
    var until = Stopwatch.StartNew();
    while (until.Elapsed.TotalSeconds < seconds)
    {
        GC.Collect();
        times[0].Add(Milliseconds(benchmarks.Okr));
        times[1].Add(Milliseconds(benchmarks.Okr));
        GC.Collect();
        times[2].Add(Milliseconds(benchmarks.MemoryFloor));
        times[3].Add(Milliseconds(benchmarks.MemoryFloor));
    }

    for (var i = 0; i < names.Length; i++)
    {
        Console.WriteLine($"{names[i]}: best {times[i].Min():F2}, median {Median(times[i]):F2} ms ({times[i].Count} calls)");
    }
}

static void Build(int objectives)
{
    var clock = Stopwatch.StartNew();
    var set = SyntheticOrganisation.Create(objectives);
    Console.WriteLine($"create set: {clock.Elapsed.TotalMilliseconds:F1} ms");
    for (var i = 0; i < 3; i++)
    {
        // The first stages on their own (reading the set with the id index, then validation), then TryBuild itself.
        GC.Collect();
        clock.Restart();
        var nodes = new AlignmentGraph.SetNodes(set);
        var read = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        GraphValidator.Run(nodes.Spec, [], nodes.Index);
        var validated = clock.Elapsed.TotalMilliseconds;
        nodes = null;
        GC.Collect();

        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var collections = GC.CollectionCount(0);
        clock.Restart();
        var graph = AlignmentGraph.TryBuild(set).AsT0;
        var total = clock.Elapsed.TotalMilliseconds;
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        collections = GC.CollectionCount(0) - collections;

        // The check-ins' compilation runs inside TryBuild (beside validation); timed again on its own, with the
        // visit that counts the check-ins a build's gathering does, to tell it apart.
        allocated = GC.GetTotalAllocatedBytes(precise: true);
        clock.Restart();
        CompiledKeyResults.From(graph.KeyResults);
        var compiled = clock.Elapsed.TotalMilliseconds;
        var compiledBytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        Console.WriteLine(
            $"TryBuild {total,7:F1} ms, {bytes,13:N0} B, {collections} GCs | read set {read,6:F1}, validate {validated,6:F1}, "
            + $"CompiledKeyResults.From {compiled,6:F1} ms ({compiledBytes:N0} B), rest (inputs, reverse) ~{total - read - validated - compiled,6:F1} ms | {graph.NodeCount} nodes");
    }
}

static void BuildLoop(int objectives, int seconds)
{
    var set = SyntheticOrganisation.Create(objectives);
    Console.WriteLine("built the set");
    var until = Stopwatch.StartNew();
    var each = new Stopwatch();
    var (builds, best, total) = (0, double.MaxValue, 0.0);
    while (until.Elapsed.TotalSeconds < seconds)
    {
        // As BenchmarkDotNet does between iterations: otherwise a build may pay for a full collection of the set.
        GC.Collect();
        var (gen0, gen1, gen2, paused) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
        var (user, kernel) = CpuTime();
        var faults = MinorPageFaults();
        each.Restart();
        AlignmentGraph.TryBuild(set);
        var elapsed = each.Elapsed.TotalMilliseconds;
        (builds, best, total) = (builds + 1, Math.Min(best, elapsed), total + elapsed);
        var (userAfter, kernelAfter) = CpuTime();

        // CPU time in user code and in the kernel (which zeroes the fresh pages a build's arrays land on, typically one
        // minor page fault per 4 KB page).
        Console.WriteLine(
            $"TryBuild {elapsed:F1} ms (collections {GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2}, "
            + $"paused {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:F0} ms; CPU user {(userAfter - user).TotalMilliseconds:F0} ms, "
            + $"kernel {(kernelAfter - kernel).TotalMilliseconds:F0} ms; {MinorPageFaults() - faults} minor page faults)");
    }

    Console.WriteLine($"{builds} builds, best {best:F1} ms, mean {total / builds:F1} ms");
}

// The process's minor page faults so far (field 10 of /proc/self/stat, after the command name); 0 where there is no /proc.
static long MinorPageFaults()
{
    if (!File.Exists("/proc/self/stat"))
    {
        return 0;
    }

    var afterName = File.ReadAllText("/proc/self/stat").Split(')')[^1];
    return long.Parse(afterName.Split(' ', StringSplitOptions.RemoveEmptyEntries)[7], System.Globalization.CultureInfo.InvariantCulture);
}

// The process's CPU time so far, in user code and in the kernel (summed over its threads).
static (TimeSpan User, TimeSpan Kernel) CpuTime()
{
    using var process = Process.GetCurrentProcess();
    return (process.UserProcessorTime, process.PrivilegedProcessorTime);
}

static void CompileLoop(int objectives, int seconds)
{
    AppContext.SetSwitch(SecondCore.OneCoreSwitch, true);
    var set = SyntheticOrganisation.Create(objectives);
    var keyResults = AlignmentGraph.Build(set).KeyResults;
    var until = Stopwatch.StartNew();
    var each = new Stopwatch();
    var (times, users, kernels) = (new List<double>(), new List<double>(), new List<double>());
    while (until.Elapsed.TotalSeconds < seconds)
    {
        GC.Collect();
        var (user, kernel) = CpuTime();
        each.Restart();
        CompiledKeyResults.From(keyResults);
        times.Add(each.Elapsed.TotalMilliseconds);
        var (userAfter, kernelAfter) = CpuTime();
        users.Add((userAfter - user).TotalMilliseconds);
        kernels.Add((kernelAfter - kernel).TotalMilliseconds);
    }

    foreach (var list in (List<double>[])[times, users, kernels])
    {
        list.Sort();
    }

    Console.WriteLine($"{times.Count} compilations on one core, best {times[0]:F1} ms, median {times[times.Count / 2]:F1} ms; median CPU user {users[users.Count / 2]:F0} ms, kernel {kernels[kernels.Count / 2]:F0} ms");
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
        Console.WriteLine($"build graph:  {clock.Elapsed.TotalMilliseconds,10:F1} ms ({graph.NodeCount} nodes, {graph.Compiled.CheckInCount} check-ins)");
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
