using Okr.Core.Validation;
using BenchmarkDotNet.Attributes;
using Okr.Core.Benchmarks.Rollup;
using Okr.Core.Documents;

namespace Okr.Core.Benchmarks;

/// <summary>
/// The whole path of <c>okr score</c> without the console: an okr/v1 document of the <see cref="SyntheticOrganisation"/>
/// (UTF-8 bytes) read, validated, compiled, scored and checked by the default quality rules
/// (<c>OkrDocument.Analyze</c>, the baseline), and the same with the per-objective report records built.
/// </summary>
[MemoryDiagnoser]
public class DocumentBenchmarks
{
    private byte[] _document = null!;

    [Params(1_000, 10_000, 100_000)]
    public int Objectives { get; set; }

    [GlobalSetup]
    public void Setup() => _document = OkrDocument.WriteUtf8(SyntheticOrganisation.Create(Objectives));

    /// <summary>Read + validate + score + quality rules.</summary>
    [Benchmark(Baseline = true)]
    public int Analyze() => OkrDocument.Analyze(_document, SyntheticOrganisation.AsOf, OkrValidator.Default).Diagnostics.Count;

    /// <summary>Analyze, then materialise every objective's and key result's report record, as <c>okr score</c> prints them.</summary>
    [Benchmark]
    public int AnalyzeAndReport() => OkrDocument.Analyze(_document, SyntheticOrganisation.AsOf, OkrValidator.Default).Evaluation!.Objectives.Count;
}
