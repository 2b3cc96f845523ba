using System.Diagnostics;
using Okr.Core.Documents;
using Okr.Core.Validation;

namespace Okr.Core.Benchmarks;

/// <summary>
/// <c>score-stages FILE YYYY-MM-DD [RUNS]</c>: one stopwatch timing per stage of <c>okr score --format json</c>
/// (read, compile, evaluate, quality rules, report), for finding where the time goes. Not a benchmark.
/// </summary>
internal static class ScoreStages
{
    public static void Run(string[] args)
    {
        var path = args[0];
        var asOf = DateOnly.ParseExact(args[1], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var runs = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1;
        for (var run = 0; run < runs; run++)
        {
            var clock = Stopwatch.StartNew();
            var bytes = File.ReadAllBytes(path);
            Report("file", clock);
            if (args.Length > 3 && args[3] == "tokens")
            {
                var tokens = new System.Text.Json.Utf8JsonReader(bytes);
                long count = 0;
                while (tokens.Read())
                {
                    count++;
                }

                Report($"tokens only ({count})", clock);
                Console.WriteLine($"utf8 valid {System.Text.Unicode.Utf8.IsValid(bytes)}");
                Report("utf8 check", clock);
            }

            // As OkrDocument.Analyze reads: the graph is checked when compiling.
            var (set, findings) = DocumentReader.Read(bytes.AsMemory(), checkGraph: false);
            Report($"read ({findings.Count} findings)", clock);
            if (set is null)
            {
                return;
            }

            var graph = AlignmentGraph.Build(set);
            Report("compile (graph check included)", clock);
            var evaluation = graph.Evaluate(asOf);
            Report("evaluate", clock);
            var validation = OkrValidator.Default.Validate(evaluation);
            Report($"rules ({validation.Findings.Count} findings)", clock);
            if (run == runs - 1)
            {
                // Each rule on its own, after the timed run.
                var context = new OkrRuleContext(evaluation);
                foreach (var rule in OkrValidator.DefaultRules)
                {
                    var count = 0;
                    var ruleClock = Stopwatch.StartNew();
                    rule.Check(context, (_, _) => count++);
                    Console.WriteLine($"  {rule.Descriptor.Code} {ruleClock.Elapsed.TotalMilliseconds,8:F0} ms {count,8} findings");
                }

                clock.Restart();
            }

            var analysis = new DocumentAnalysis(asOf, set, evaluation, validation.Findings);
            var json = OkrReport.WriteUtf8(analysis);
            Report($"report ({json.Length} bytes)", clock);
            Console.WriteLine($"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MiB");
        }
    }

    private static TimeSpan _pauses;
    private static long _allocated;

    private static void Report(string stage, Stopwatch clock)
    {
        var pauses = GC.GetTotalPauseDuration();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        Console.WriteLine(
            $"{stage,-36}{clock.Elapsed.TotalMilliseconds,10:F0} ms, {(allocated - _allocated) / (1024 * 1024),5} MiB allocated "
            + $"(GC pauses {(pauses - _pauses).TotalMilliseconds:F0} ms, gen2 {GC.CollectionCount(2)})");
        (_pauses, _allocated) = (pauses, allocated);
        clock.Restart();
    }
}
