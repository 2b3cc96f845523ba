namespace Okr.Core.Tests.Alignment;

/// <summary>
/// Check-ins compile beside validation: an invalid set answers with its findings whatever its key results hold, here
/// decimal values at the edge of their range (a span of 1e-28 and a value near 8e28).
/// </summary>
public sealed class CompileFailureTests
{
    [Fact]
    public void TryBuild_InvalidSetWithAKeyResultAtDecimalsEdge_ReturnsTheFindings()
    {
        var extreme = Inc("kr-extreme", 0m, 0.0000000000000000000000000001m, C("2026-10-05", 79_000_000_000_000_000_000_000_000_000m));
        var set = Set(Obj("o", [extreme]), Obj("o"));

        var finding = Single(AlignmentGraph.TryBuild(set), "OKR003");

        Assert.Contains("'o'", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryBuild_LargeInvalidSetWithAKeyResultAtDecimalsEdge_ReturnsTheFindings()
    {
        // Many chunks of key results, compiled by every core while this one validates: the failing chunk is one of them.
        var set = Set([.. Padding(30_000), Obj("o", [Extreme()]), Obj("o")]);

        var finding = Single(AlignmentGraph.TryBuild(set), "OKR003");

        Assert.Contains("'o'", finding.Message, StringComparison.Ordinal);
    }

    private static KeyResult Extreme() => Inc("kr-extreme", 0m, 0.0000000000000000000000000001m, C("2026-10-05", 79_000_000_000_000_000_000_000_000_000m));

    private static IEnumerable<Objective> Padding(int count)
        => Enumerable.Range(0, count).Select(i => Obj("p" + i, [Inc($"p{i}k0", 0, 10, C("2026-10-01", i % 11)), Inc($"p{i}k1", 0, 10)]));
}
