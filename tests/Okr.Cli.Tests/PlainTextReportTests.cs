using System.Text;
using Okr.Core.Documents;

namespace Okr.Cli.Tests;

/// <summary>The redirected text report written directly is character for character what Spectre.Console renders.</summary>
public sealed class PlainTextReportTests
{
    public static TheoryData<string, string> Documents => new()
    {
        { "spec-example.okr.json", "2026-11-15" },
        { "spec-example.okr.json", "2027-02-01" },
        { "spec-example.okr.json", "2026-09-01" },
        { "rollup.okr.json", "2026-11-15" },
        { "text-corners.okr.json", "2026-11-24" },
        { "text-corners.okr.json", "2027-02-01" },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void Write_Document_SameAsSpectre(string name, string asOf)
    {
        var analysis = OkrDocument.Analyze(File.ReadAllBytes(CliRunner.DocumentPath(name)), DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(PlainTextReport.CanWrite(analysis, includeObjectives: true));
        Assert.Equal(Spectre(analysis, includeObjectives: true), Plain(analysis, includeObjectives: true));
        Assert.Equal(Spectre(analysis, includeObjectives: false), Plain(analysis, includeObjectives: false));
    }

    [Fact]
    public void Write_DocumentWithErrors_SameAsSpectre()
    {
        var analysis = OkrDocument.Analyze("""{"schema": "okr/v1", "periods": [], "owners": [], "objectives": [{"id": "o", "tilte": "[x]"}]}""", new DateOnly(2026, 11, 15));

        Assert.True(PlainTextReport.CanWrite(analysis, includeObjectives: true));
        Assert.Equal(Spectre(analysis, includeObjectives: true), Plain(analysis, includeObjectives: true));
    }

    [Theory]
    [InlineData("Two\nlines")]
    [InlineData("Tab\there")]
    [InlineData("Thumbs :thumbs_up: up")]
    [InlineData("Line\u2028separator")]
    public void CanWrite_TextSpectreWouldChange_IsFalse(string title)
    {
        var text = File.ReadAllText(CliRunner.DocumentPath("spec-example.okr.json")).Replace("Win the mobile market", System.Text.Json.JsonEncodedText.Encode(title).ToString(), StringComparison.Ordinal);
        var analysis = OkrDocument.Analyze(text, new DateOnly(2026, 11, 15));

        Assert.False(PlainTextReport.CanWrite(analysis, includeObjectives: true));
        Assert.Equal(Spectre(analysis, includeObjectives: true), Run(s => TextReport.Write(analysis, true, s, outputRedirected: true)));
    }

    private static string Plain(DocumentAnalysis analysis, bool includeObjectives) => Run(s => PlainTextReport.Write(analysis, includeObjectives, s));

    private static string Spectre(DocumentAnalysis analysis, bool includeObjectives) => Run(s => TextReport.WriteWithSpectre(analysis, includeObjectives, s, outputRedirected: true));

    private static string Run(Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
