using System.Text;
using Okr.Core.Documents;

namespace Okr.Core.Tests.Documents;

/// <summary>
/// A large document given as memory has the second half of its objectives read on another core: it must read
/// exactly as on one core, whatever the layout, and hand a document with a finding in either half to the thorough reader.
/// </summary>
public sealed class FastDocumentReaderSplitTests
{
    // Enough objectives for a document over the 4 MiB from which the split is tried.
    private const int Objectives = 12_000;

    [Theory]
    [InlineData(false, "")]
    [InlineData(true, "")]
    [InlineData(false, ", \"settings\": null")]
    [InlineData(true, ", \"settings\": {\"aspirationalTarget\": 0.6}")]
    public void Read_LargeDocument_SameAsOneCore(bool indented, string after)
    {
        var utf8 = Document(indented, after, _ => string.Empty);
        Assert.True(utf8.Length > 4 << 20);

        var (set, findings) = DocumentReader.Read(utf8.AsMemory(), checkGraph: false);

        Assert.Empty(findings);
        Assert.True(FastDocumentReader.TryRead(utf8.AsSpan(), withTopology: false, out var oneCore));
        Assert.Equal(new OkrSet(oneCore.Periods, oneCore.Owners, oneCore.Objectives, oneCore.Settings), set);
        Assert.Equal(Objectives, set!.Objectives.Count);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(Objectives * 3 / 4)]
    [InlineData(Objectives - 1)]
    public void Read_LargeDocumentWithFinding_SameAsThoroughReader(int broken)
    {
        var utf8 = Document(indented: false, after: string.Empty, i => i == broken ? ", \"colour\": \"red\"" : string.Empty);

        var (set, findings) = DocumentReader.Read(utf8.AsMemory(), checkGraph: false);
        var (_, expected) = DocumentReader.ReadThoroughly(utf8);

        Assert.Null(set);
        Assert.NotEmpty(findings);
        Assert.Equal(expected, findings);
    }

    [Theory]
    [InlineData(0.25)]
    [InlineData(0.75)]
    public void Read_LargeDocumentWithInvalidUtf8_SameAsThoroughReader(double at)
    {
        // Each half's UTF-8 is checked on its own core: a bad byte in a title in either half must still be found.
        var utf8 = Document(indented: true, after: string.Empty, _ => string.Empty);
        var title = utf8.AsSpan((int)(utf8.Length * at)).IndexOf("{ok}"u8) + (int)(utf8.Length * at);
        utf8[title + 1] = 0xFF;

        var (set, findings) = DocumentReader.Read(utf8.AsMemory(), checkGraph: false);

        Assert.Null(set);
        Assert.NotEmpty(findings);
        Assert.Equal(DocumentReader.ReadThoroughly(utf8).Findings, findings);
    }

    [Fact]
    public void Read_LargeDocumentWithTrailingText_SameAsThoroughReader()
    {
        var utf8 = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Document(indented: false, after: string.Empty, _ => string.Empty)) + " x");

        var (set, findings) = DocumentReader.Read(utf8.AsMemory(), checkGraph: false);

        Assert.Null(set);
        Assert.Equal(DocumentReader.ReadThoroughly(utf8).Findings, findings);
    }

    /// <summary>Objectives of two key results each (one with check-ins, one checklist), so '{' starts many kinds of object.</summary>
    private static byte[] Document(bool indented, string after, Func<int, string> extraMember)
    {
        var newLine = indented ? "\n      " : string.Empty;
        var text = new StringBuilder("""{"schema": "okr/v1", "periods": [{"id": "q", "start": "2026-10-01", "end": "2026-12-31"}], "owners": [{"id": "t"}], "objectives": [""");
        for (var i = 0; i < Objectives; i++)
        {
            text.Append(i == 0 ? string.Empty : ",").Append(newLine)
                .Append($$"""{"id": "o{{i}}", "title": "Objective {ok} {{i % 7}}", "owner": "t", "period": "q"{{extraMember(i)}},{{newLine}}"keyResults": [""")
                .Append($$"""{"id": "o{{i}}k0", "title": "Grow", "kind": "increase", "baseline": 1, "target": 2.5, "checkIns": [{"at": "2026-10-0{{1 + (i % 9)}}", "value": 1.{{i}}, "confidence": 7}, {"at": "2026-11-01", "value": 2, "note": "{x}"}]},""")
                .Append($$"""{"id": "o{{i}}k1", "title": "Ship", "kind": "checklist", "items": [{"title": "a"}, {"title": "b", "doneOn": "2026-10-05"}]}]}""");
        }

        text.Append(']').Append(after).Append(indented ? "\n}\n" : "}");
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
