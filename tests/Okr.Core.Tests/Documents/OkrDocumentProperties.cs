using FsCheck.Xunit;
using Okr.Core.Documents;

namespace Okr.Core.Tests.Documents;

[Properties(Arbitrary = [typeof(DocumentArbitraries)], MaxTest = 200)]
public sealed class OkrDocumentProperties
{
    [Property]
    public void WriteThenRead_GivesAnEqualSet(OkrSet set)
    {
        var read = OkrDocument.TryRead(OkrDocument.Write(set));

        Assert.True(read.IsT0, read.IsT1 ? read.AsT1.ToString() : null);
        Assert.Equal(set, read.AsT0);
    }

    [Property]
    public void WriteThenRead_ScoresTheSame(OkrSet set)
    {
        var asOf = new DateOnly(2026, 11, 15);
        var before = set.Evaluate(asOf);
        var after = OkrDocument.Read(OkrDocument.Write(set)).Evaluate(asOf);

        Assert.Equal(before.Objectives, after.Objectives);
    }

    [Property(MaxTest = 1000)]
    public void Analyze_DamagedDocument_NeverThrowsAndScoresOnlyWhenValid(DamagedDocument damaged)
    {
        var analysis = OkrDocument.Analyze(damaged.Bytes, new DateOnly(2026, 11, 15));

        Assert.True(analysis.HasErrors || analysis.Evaluation is not null, damaged.Edits);
        Assert.All(analysis.Diagnostics, d => Assert.False(string.IsNullOrWhiteSpace(d.Message)));
        if (analysis.Diagnostics.Any(d => d.Code.StartsWith("OKR0", StringComparison.Ordinal)))
        {
            Assert.Null(analysis.Evaluation);
        }
    }
}
