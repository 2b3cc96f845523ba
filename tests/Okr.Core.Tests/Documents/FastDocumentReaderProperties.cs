using System.Text;
using FsCheck.Xunit;
using Okr.Core.Documents;

namespace Okr.Core.Tests.Documents;

/// <summary>The fast path of the reader gives exactly what the thorough reader gives, or hands the document over.</summary>
[Properties(Arbitrary = [typeof(DocumentArbitraries)], MaxTest = 200)]
public sealed class FastDocumentReaderProperties
{
    [Property(MaxTest = 1000)]
    public void Read_DamagedDocument_SameAsThoroughReader(DamagedDocument damaged) => AssertSameAsThorough(damaged.Bytes);

    [Property]
    public void Read_WrittenSet_TakesTheFastPathAndGivesTheSameSet(OkrSet set)
    {
        var utf8 = OkrDocument.WriteUtf8(set);

        Assert.True(FastDocumentReader.TryRead(utf8, withTopology: true, out _));
        AssertSameAsThorough(utf8);
    }

    [Theory]
    [InlineData("""{"objectives": [], "owners": [], "periods": [], "schema": "okr/v1"}""")]
    [InlineData("""{"schema": "okr/v1", "settings": null, "periods": [{"end": "2026-12-31", "start": "2026-10-01", "id": "q"}], "owners": [{"id": "t", "name": null, "parent": null}], "objectives": []}""")]
    [InlineData("""{"schema": "okr/v1", "settings": {"aspirationalTarget": 0.6, "rules": {"OKR201": "off"}}, "periods": [], "owners": [], "objectives": []}""")]
    [InlineData("""{"schema": "okr/v1", "settings": {"aspirationalTarget": 2}, "periods": [], "owners": [], "objectives": []}""")]
    [InlineData("""{"schema": "okr/v1", "settings": {"scale": [{"from": 0, "label": "\uD800"}]}, "periods": [], "owners": [], "objectives": []}""")]
    [InlineData("""{"schema": "okr/v1", "periods": [], "owners": [], "objectives": []} x""")]
    [InlineData("""{"schema": "okr/v2", "periods": [], "owners": [], "objectives": []}""")]
    [InlineData("""{"schema": "okr/v1", "periods": [], "owners": [], "objectives": [], "schema": "okr/v1"}""")]
    [InlineData("""{"schema": "okr/v1", "periods": [{"id": "q", "start": "2026-10-01", "end": "2026-09-30"}], "owners": [], "objectives": []}""")]
    [InlineData("""{"schema": "okr/v1", "periods": [{"id": "q", "start": "2026-02-29", "end": "2026-12-31"}], "owners": [], "objectives": []}""")]
    [InlineData("""{"schema": "okr/v1", "periods": [{"id": "q", "start": "2026-10-01", "end": "2026-12-31"}], "owners": [{"id": "t"}], "objectives": [{"id": "o", "title": "T", "owner": "", "period": "q"}]}""")]
    public void Read_HandWrittenDocument_SameAsThoroughReader(string json) => AssertSameAsThorough(Encoding.UTF8.GetBytes(json));

    [Theory]
    [InlineData("\"kind\": \"increase\", \"baseline\": 1, \"target\": 2")]
    [InlineData("\"baseline\": 1, \"target\": 2, \"kind\": \"increase\"")]
    [InlineData("\"kind\": \"increase\", \"baseline\": 1, \"target\": 2, \"threshold\": null")]
    [InlineData("\"kind\": \"increase\", \"baseline\": 1, \"target\": 1e1")]
    [InlineData("\"kind\": \"increase\", \"baseline\": 2, \"target\": 1")]
    [InlineData("\"kind\": \"increase\", \"baseline\": 1, \"target\": 2, \"weight\": -0.0")]
    [InlineData("\"kind\": \"increase\", \"baseline\": 1, \"target\": 2, \"weight\": -1")]
    [InlineData("\"kind\": \"increase\", \"baseline\": 1, \"target\": 2, \"weight\": 1e400")]
    [InlineData("\"kind\": \"increase\", \"baseline\": 1, \"target\": 2, \"checkIns\": [{\"at\": \"2026-10-02\", \"value\": 1.50, \"confidence\": 7.0, \"note\": \"a \\\"b\\\" \\u00e9\"}]")]
    [InlineData("\"kind\": \"increase\", \"baseline\": 1, \"target\": 2, \"checkIns\": [{\"at\": \"2026-10-02\", \"value\": 1, \"confidence\": 7.5}]")]
    [InlineData("\"kind\": \"increase\", \"baseline\": 1, \"target\": 2, \"checkIns\": [{\"at\": \"2026-10-02\", \"value\": 1, \"confidence\": 11}]")]
    [InlineData("\"kind\": \"increase\", \"baseline\": 1, \"target\": 2, \"checkIns\": [{\"at\": \"2026-1002\", \"value\": 1}]")]
    [InlineData("\"kind\": \"increase\", \"baseline\": 1, \"target\": 2, \"checkIns\": [{\"at\": \"2026-10-02\", \"value\": 1e30}]")]
    [InlineData("\"kind\": \"milestone\", \"checkIns\": [{\"at\": \"2026-10-02\", \"value\": 0.5}]")]
    [InlineData("\"kind\": \"checklist\", \"items\": [{\"title\": \"a\", \"doneOn\": null}, {\"weight\": 2, \"doneOn\": \"2026-10-05\"}]")]
    [InlineData("\"kind\": \"checklist\", \"items\": [{\"title\": \"a\"}], \"checkIns\": []")]
    [InlineData("\"kind\": \"checklist\", \"items\": []")]
    [InlineData("\"kind\": \"rollup\", \"aggregate\": \"mean\"")]
    [InlineData("\"kind\": \"rollup\", \"aggregate\": \"mean\", \"baseline\": 1")]
    [InlineData("\"kind\": \"rollup\", \"aggregate\": \"sum\", \"baseline\": 0, \"target\": 10")]
    [InlineData("\"kind\": \"rollup\", \"aggregate\": \"avg\"")]
    [InlineData("\"kind\": \"rollup\"")]
    [InlineData("\"kind\": \"increse\", \"baseline\": 1, \"target\": 2")]
    [InlineData("\"kind\": \"within\", \"min\": 3, \"max\": 3, \"alignsTo\": [{\"keyResult\": \"kb\", \"weight\": 2}]")]
    [InlineData("\"kind\": \"within\", \"min\": 3, \"max\": 3, \"alignsTo\": [{\"objective\": \"o\"}]")]
    [InlineData("\"kind\": \"within\", \"min\": 3, \"max\": 3, \"alignsTo\": [{\"keyResult\": \"kb\"}, {\"keyResult\": \"kb\"}]")]
    [InlineData("\"kind\": \"within\", \"min\": 3, \"max\": 3, \"alignsTo\": [{\"keyResult\": \"ka\"}]")]
    [InlineData("\"kind\": \"within\", \"min\": 3, \"max\": 3, \"alignsTo\": [{\"keyResult\": \"nowhere\"}]")]
    [InlineData("\"kind\": \"atLeast\", \"threshold\": 1, \"id\": \"ka\"")]
    public void Read_KeyResultVariant_SameAsThoroughReader(string members)
    {
        var json = $$"""
            {"schema": "okr/v1", "periods": [{"id": "q", "start": "2026-10-01", "end": "2026-12-31"}], "owners": [{"id": "t"}],
             "objectives": [
               {"keyResults": [{"id": "ka", "title": "A", {{members}}}], "id": "o", "title": "T", "owner": "t", "period": "q", "alignsTo": []},
               {"id": "o2", "title": "U", "owner": "t", "period": "q", "commitment": "committed", "progressFrom": "both", "alignsTo": [{"objective": "o", "weight": 0}],
                "keyResults": [{"id": "kb", "title": "B", "kind": "rollup", "aggregate": "mean"}]}]}
            """;
        AssertSameAsThorough(Encoding.UTF8.GetBytes(json));
    }

    [Property(MaxTest = 1000)]
    public void Analyze_DamagedDocument_SameFindingsAsThoroughReader(DamagedDocument damaged) => AssertAnalysisAsThorough(damaged.Bytes);

    [Theory]
    [InlineData("\"alignsTo\": [{\"objective\": \"o2\"}]")]
    [InlineData("\"alignsTo\": [{\"objective\": \"o\"}]")]
    [InlineData("\"alignsTo\": [{\"keyResult\": \"nowhere\"}]")]
    [InlineData("\"alignsTo\": [{\"objective\": \"kb\"}]")]
    [InlineData("\"alignsTo\": []")]
    public void Analyze_GraphProblem_SameFindingsAsThoroughReader(string members)
    {
        var json = $$"""
            {"schema": "okr/v1", "periods": [{"id": "q", "start": "2026-10-01", "end": "2026-12-31"}], "owners": [{"id": "t", "parent": "nobody"}],
             "objectives": [
               {"id": "o", "title": "T", "owner": "t", "period": "q", {{members}}, "keyResults": [{"id": "ka", "title": "A", "kind": "milestone"}]},
               {"id": "o2", "title": "U", "owner": "t", "period": "q", "progressFrom": "both", "alignsTo": [{"keyResult": "ka"}],
                "keyResults": [{"id": "kb", "title": "B", "kind": "rollup", "aggregate": "sum", "baseline": 0, "target": 1}, {"id": "ka", "title": "dup", "kind": "milestone"}]}]}
            """;
        AssertAnalysisAsThorough(Encoding.UTF8.GetBytes(json));
    }

    private static void AssertAnalysisAsThorough(byte[] utf8)
    {
        var analysis = OkrDocument.Analyze(utf8, new DateOnly(2026, 11, 15));
        var (_, expectedFindings) = DocumentReader.ReadThoroughly(utf8);

        if (expectedFindings.Count > 0)
        {
            Assert.Equal(expectedFindings, analysis.Diagnostics);
            Assert.Null(analysis.Set);
            Assert.Null(analysis.Evaluation);
        }
        else
        {
            Assert.NotNull(analysis.Evaluation);
        }
    }

    private static void AssertSameAsThorough(byte[] utf8)
    {
        var (set, findings) = DocumentReader.Read(utf8);
        var (expectedSet, expectedFindings) = DocumentReader.ReadThoroughly(utf8);

        Assert.Equal(expectedFindings, findings);
        Assert.Equal(expectedSet, set);
    }
}
