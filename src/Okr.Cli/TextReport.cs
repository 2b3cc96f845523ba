using System.Globalization;
using System.Text;
using Okr.Core;
using Okr.Core.Documents;
using Okr.Core.Validation;
using Spectre.Console;

namespace Okr.Cli;

/// <summary>
/// The human-readable report: a tree of objectives and key results with score, grade, status and a progress bar,
/// then the findings. Colours and box-drawing appear only on a terminal; redirected output is plain text.
/// </summary>
internal static class TextReport
{
    private const int BarWidth = 20;

    /// <summary>The width of the redirected rule catalogue.</summary>
    private const int CatalogueWidth = 120;

    public static void Write(DocumentAnalysis analysis, bool includeObjectives, Stream stdout, bool outputRedirected)
    {
        if (outputRedirected)
        {
            PlainTextReport.Write(analysis, includeObjectives, stdout);
            return;
        }

        WriteWithSpectre(analysis, includeObjectives, stdout, outputRedirected);
    }

    /// <summary>Renders the report with Spectre.Console: on a terminal (and, redirected, for tests that compare it with <see cref="PlainTextReport"/>).</summary>
    internal static void WriteWithSpectre(DocumentAnalysis analysis, bool includeObjectives, Stream stdout, bool outputRedirected)
    {
        var console = CreateConsole(stdout, outputRedirected, out var writer);
        var unicode = !outputRedirected;
        if (includeObjectives && !analysis.HasErrors && analysis.Evaluation is { } evaluation && analysis.Set is { } set)
        {
            var tree = new Tree(new Markup($"[bold]OKRs as of {analysis.AsOf:yyyy-MM-dd}[/]"));
            if (!unicode)
            {
                tree.Guide = TreeGuide.Ascii;
            }

            var titles = Titles(set);
            foreach (var objective in evaluation.Objectives)
            {
                var node = tree.AddNode(Line(objective.Id, titles[objective.Id], objective.Score, objective.Grade, objective.Status, unicode, bold: true, string.Create(CultureInfo.InvariantCulture, $"pace {objective.Expected:0.00}")));
                foreach (var keyResult in objective.KeyResults)
                {
                    var current = keyResult.Current is { } value ? $"now {value.ToString(CultureInfo.InvariantCulture)}" : null;
                    node.AddNode(Line(keyResult.Id, titles[keyResult.Id], keyResult.Score, keyResult.Grade, keyResult.Status, unicode, bold: false, current));
                }
            }

            console.Write(tree);
            console.WriteLine();
        }

        WriteFindings(console, analysis.Diagnostics);
        writer.Flush();
    }

    public static void WriteCatalogue(IReadOnlyList<OkrRuleDescriptor> rules, bool json, Stream stdout, bool outputRedirected)
    {
        if (json)
        {
            using var writer = new System.Text.Json.Utf8JsonWriter(stdout, new System.Text.Json.JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            writer.WriteStartArray();
            foreach (var rule in rules)
            {
                writer.WriteStartObject();
                writer.WriteString("code", rule.Code);
                writer.WriteString("title", rule.Title);
                writer.WriteString("severity", OkrReport.SeverityName(rule.DefaultSeverity));
                writer.WriteString("help", rule.Help);
                writer.WriteString("practice", rule.Practice);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.Flush();
            stdout.Write("\n"u8);
            return;
        }

        var console = CreateConsole(stdout, outputRedirected, out var textWriter);
        var table = new Table().AddColumns("Code", "Severity", "Rule", "Help");
        if (outputRedirected)
        {
            // Redirected, the console is 4096 columns wide (findings never wrap), and the help texts would make the
            // table over 300 columns: wrap them within the cells of a table a log or a pager shows whole.
            table.Border = TableBorder.Ascii;
            table.Width = CatalogueWidth;
        }

        foreach (var rule in rules)
        {
            table.AddRow(
                new Text(rule.Code),
                new Markup(SeverityMarkup(rule.DefaultSeverity)),
                new Text(rule.Title),
                new Text(rule.Help));
        }

        console.Write(table);
        textWriter.Flush();
    }

    private static IAnsiConsole CreateConsole(Stream stdout, bool outputRedirected, out TextWriter writer)
    {
        writer = new StreamWriter(stdout, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true) { AutoFlush = false };
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = outputRedirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = outputRedirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        if (outputRedirected)
        {
            // Redirected output goes to logs and files: never wrap a finding in the middle.
            console.Profile.Width = 4096;
            console.Profile.Capabilities.Unicode = false;
        }

        return console;
    }

    internal static Dictionary<string, string> Titles(OkrSet set)
    {
        var titles = new Dictionary<string, string>(set.Objectives.Count + set.Objectives.Sum(o => o.KeyResults.Count), StringComparer.Ordinal);
        foreach (var objective in set.Objectives)
        {
            titles.TryAdd(objective.Id, objective.Title);
            foreach (var keyResult in objective.KeyResults)
            {
                titles.TryAdd(keyResult.Id, keyResult.Title);
            }
        }

        return titles;
    }

    /// <summary>
    /// One tree line. Text from the document (ids, titles, grade labels) is appended as literal segments, never parsed as
    /// markup: Spectre has no escape for emoji codes, so a title "Ship :rocket: v2" given as markup would print a rocket.
    /// </summary>
    private static Paragraph Line(string id, string title, double? score, string? grade, OkrStatus status, bool unicode, bool bold, string? extra)
    {
        var color = Style.Parse(GradeColor(grade));
        var filled = score is { } s ? (int)Math.Round(s * BarWidth, MidpointRounding.AwayFromZero) : 0;
        var (full, empty) = unicode ? ('█', '░') : ('#', '.');
        var line = new Paragraph()
            .Append(new string(full, filled), color)
            .Append(new string(empty, BarWidth - filled), Grey)
            .Append(" ")
            .Append(score is { } shown ? shown.ToString("0.00", CultureInfo.InvariantCulture) : " -- ", color)
            .Append(" ")
            .Append($"{DocumentText.OneLine(grade ?? "ungraded"),-8} ")
            .Append($"{OkrStatusNames.ToName(status),-10}", StatusStyle(status))
            .Append("  ")
            .Append(DocumentText.OneLine(id), bold ? Bold : Style.Plain)
            .Append("  ")
            .Append(DocumentText.OneLine(title));
        if (extra is not null)
        {
            line.Append("  ").Append($"({extra})", Grey);
        }

        return line;
    }

    // Parsed on use, not in static fields: the plain writer calls InReportOrder here and need not load the renderer.
    private static Style Grey => Style.Parse("grey");

    private static Style Bold => Style.Parse("bold");

    private static string GradeColor(string? grade) => grade switch
    {
        "green" => "green",
        "yellow" => "yellow",
        "red" => "red",
        null => "grey",
        _ => "blue",
    };

    private static Style StatusStyle(OkrStatus status) => Style.Parse(status switch
    {
        OkrStatus.OnTrack or OkrStatus.Achieved or OkrStatus.Met => "green",
        OkrStatus.AtRisk => "yellow",
        OkrStatus.OffTrack or OkrStatus.Missed => "red",
        _ => "grey",
    });

    private static string SeverityMarkup(OkrSeverity severity) => $"[{SeverityColor(severity)}]{OkrReport.SeverityName(severity)}[/]";

    private static string SeverityColor(OkrSeverity severity) => severity switch
    {
        OkrSeverity.Error => "red",
        OkrSeverity.Warning => "yellow",
        _ => "blue",
    };

    /// <summary>Errors first, then warnings, then infos; by code within each; otherwise as found.</summary>
    internal static IEnumerable<OkrDiagnostic> InReportOrder(ValueArray<OkrDiagnostic> findings)
        => IsInReportOrder(findings) ? findings : findings.OrderByDescending(f => f.Severity).ThenBy(f => f.Code, StringComparer.Ordinal);

    /// <summary>
    /// Whether the findings are already in report order, which they usually are (the default rules run in code order
    /// and mostly report warnings): then they need no sort, which took 0.1 s for a quarter of a million of them.
    /// </summary>
    private static bool IsInReportOrder(ValueArray<OkrDiagnostic> findings)
    {
        for (var i = 1; i < findings.Count; i++)
        {
            var (previous, current) = (findings[i - 1], findings[i]);
            if (previous.Severity < current.Severity || (previous.Severity == current.Severity && string.CompareOrdinal(previous.Code, current.Code) > 0))
            {
                return false;
            }
        }

        return true;
    }

    private static void WriteFindings(IAnsiConsole console, ValueArray<OkrDiagnostic> findings)
    {
        if (findings.Count == 0)
        {
            console.MarkupLine("[green]No findings.[/]");
            return;
        }

        var errors = findings.Count(f => f.Severity == OkrSeverity.Error);
        var warnings = findings.Count(f => f.Severity == OkrSeverity.Warning);
        var infos = findings.Count - errors - warnings;
        console.MarkupLine($"[bold]Findings[/]: {errors} error(s), {warnings} warning(s), {infos} info");
        foreach (var finding in InReportOrder(findings))
        {
            // Literal segments, as in the tree: a message quotes document text.
            var subject = finding.Subject is null ? string.Empty : $" {DocumentText.OneLine(finding.Subject)}";
            console.Write(new Paragraph()
                .Append("  ")
                .Append(OkrReport.SeverityName(finding.Severity), Style.Parse(SeverityColor(finding.Severity)))
                .Append($" {finding.Code}{subject}: {DocumentText.OneLine(finding.Message)}"));
            console.WriteLine();
        }
    }
}
