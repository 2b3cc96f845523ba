using Okr.Core.Validation;
using BenchmarkDotNet.Attributes;
using Okr.Core.Benchmarks.Rollup;

namespace Okr.Core.Benchmarks;

/// <summary>
/// Validation of the <see cref="SyntheticOrganisation"/>: compiling it (ids, references, sum contributors, cycles,
/// topological order and the flat evaluation inputs: <see cref="AlignmentGraph.TryBuild"/>, the baseline), the floor of
/// that (reading every input it reads once: <see cref="ReadFloor"/>), and running the default quality rules
/// (OKR101-OKR207) on an evaluation of it.
/// </summary>
[MemoryDiagnoser]
public class ValidationBenchmarks
{
    private OkrSet _set = null!;
    private OkrEvaluation _evaluation = null!;

    [Params(1_000, 100_000, 1_000_000)]
    public int Objectives { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _set = SyntheticOrganisation.Create(Objectives);
        _evaluation = _set.Evaluate(SyntheticOrganisation.AsOf);
    }

    /// <summary>Structural validation and compilation: OKR003, OKR004, OKR006, OKR008, then the compiled graph.</summary>
    [Benchmark(Baseline = true)]
    public int Compile() => AlignmentGraph.TryBuild(_set).Match(graph => graph.NodeCount, errors => -errors.Items.Count);

    /// <summary>
    /// One pass on every core reading every input <see cref="Compile"/> reads from the set's records (see
    /// <see cref="SetReadFloor"/>): the least a build must cost.
    /// </summary>
    [Benchmark]
    public long ReadFloor() => SetReadFloor.Of(_set);

    /// <summary>The default quality rules on an evaluation (as <c>okr validate</c> runs them).</summary>
    [Benchmark]
    public int QualityRules() => OkrValidator.Default.Validate(_evaluation).Findings.Count;
}
