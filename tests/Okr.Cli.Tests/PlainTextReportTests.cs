using System.Text;
using Okr.Core;
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
        { "number-corners.okr.json", "2026-11-15" },
        { "number-corners.okr.json", "2026-10-01" },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void Write_Document_SameAsSpectre(string name, string asOf)
    {
        var analysis = OkrDocument.Analyze(File.ReadAllBytes(CliRunner.DocumentPath(name)), DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(Spectre(analysis, includeObjectives: true), Plain(analysis, includeObjectives: true));
        Assert.Equal(Spectre(analysis, includeObjectives: false), Plain(analysis, includeObjectives: false));
    }

    [Fact]
    public void Write_DocumentWithErrors_SameAsSpectre()
    {
        var analysis = OkrDocument.Analyze("""{"schema": "okr/v1", "periods": [], "owners": [], "objectives": [{"id": "o", "tilte": "[x]"}]}""", new DateOnly(2026, 11, 15));

        Assert.Equal(Spectre(analysis, includeObjectives: true), Plain(analysis, includeObjectives: true));
    }

    [Theory]
    [InlineData("Two\nlines", "Two lines")]
    [InlineData("Tab\there", "Tab here")]
    [InlineData("Line\u2028separator", "Line separator")]
    [InlineData("Red \u001b[31malert", "Red  [31malert")]
    public void Write_ControlCharactersInATitle_BecomeSpacesOnOneLine(string title, string printed)
    {
        var analysis = AnalyzeWithTitle(title);

        var redirected = Run(s => TextReport.Write(analysis, true, s, outputRedirected: true));
        Assert.Equal(Spectre(analysis, includeObjectives: true), redirected);
        Assert.Contains($"|-- #####............... 0.26 red      onTrack     o-acme  {printed}  (pace 0.35)\n", redirected, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', redirected);
        var terminal = Run(s => TextReport.Write(analysis, true, s, outputRedirected: false));
        Assert.Contains(printed, terminal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Thumbs :thumbs_up: up")]
    [InlineData("[bold]Not bold[/] :rocket:")]
    public void Write_EmojiCodesAndMarkupInATitle_PrintAsWritten(string title)
    {
        var analysis = AnalyzeWithTitle(title);

        Assert.Equal(Spectre(analysis, includeObjectives: true), Plain(analysis, includeObjectives: true));
        Assert.Contains($"o-acme  {title}  (pace ", Plain(analysis, includeObjectives: true), StringComparison.Ordinal);
        var terminal = Run(s => TextReport.Write(analysis, true, s, outputRedirected: false)); // may wrap at the terminal's width
        Assert.All(title.Split(' '), word => Assert.Contains(word, terminal, StringComparison.Ordinal));
    }

    [Fact]
    public void Score_FindingSubjectWithColons_PrintsAsWritten()
    {
        using var folder = new TempFolder();
        var text = File.ReadAllText(CliRunner.DocumentPath("spec-example.okr.json")).Replace("\"o-acme\"", "\"o:acme:\"", StringComparison.Ordinal);
        var path = folder.File("colon.okr.json", text);
        var analysis = OkrDocument.Analyze(text, CliRunner.Today);

        var result = CliRunner.Run("score", path);

        Assert.Contains("OKR103 o:acme::", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(Spectre(analysis, includeObjectives: true), result.Stdout);
    }

    [Fact]
    public void Write_AFindingLongerThanSpectresWidth_StaysOnOneLine()
    {
        // A cycle through 25 objectives with 200-character ids gives an OKR008 message of about 5,000 characters.
        var message = "Alignment cycle: " + string.Join(" -> ", Enumerable.Range(0, 25).Select(i => new string((char)('a' + i), 200)));
        var analysis = new DocumentAnalysis(new DateOnly(2026, 11, 15), null, null, [OkrDiagnostic.Error(OkrCodes.AlignmentCycle, "a", message)]);

        var lines = Run(s => TextReport.Write(analysis, true, s, outputRedirected: true)).Split('\n');

        Assert.Equal(["Findings: 1 error(s), 0 warning(s), 0 info", $"  error OKR008 a: {message}", string.Empty], lines);
    }

    private static DocumentAnalysis AnalyzeWithTitle(string title)
    {
        var text = File.ReadAllText(CliRunner.DocumentPath("spec-example.okr.json")).Replace("Win the mobile market", System.Text.Json.JsonEncodedText.Encode(title).ToString(), StringComparison.Ordinal);
        return OkrDocument.Analyze(text, new DateOnly(2026, 11, 15));
    }

    [Fact]
    public void InReportOrder_SortedOrNot_ErrorsFirstThenByCodeOtherwiseAsFound()
    {
        var w1 = new OkrDiagnostic("OKR204", OkrSeverity.Warning, "a", "1");
        var w2 = new OkrDiagnostic("OKR103", OkrSeverity.Warning, "b", "2");
        var w3 = new OkrDiagnostic("OKR103", OkrSeverity.Warning, "c", "3");
        var e = new OkrDiagnostic("OKR207", OkrSeverity.Error, "d", "4");
        var i = new OkrDiagnostic("OKR101", OkrSeverity.Info, null, "5");

        Assert.Equal([e, w2, w3, w1, i], TextReport.InReportOrder(ValueArray.From([w1, w2, i, w3, e])));
        Assert.Equal([e, w2, w3, w1, i], TextReport.InReportOrder(ValueArray.From([e, w2, w3, w1, i])));
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
