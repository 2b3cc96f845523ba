using System.Globalization;
using System.Text;
using Okr.Core;
using Okr.Core.Documents;

namespace Okr.Cli;

/// <summary>
/// The redirected text report (every redirected text report) written straight to a buffered writer: the characters
/// Spectre.Console renders for it (ASCII tree guides, no colours; document text through <see cref="DocumentText.OneLine"/>),
/// without building a renderable per line, which took most of the time on large documents, and without ever wrapping
/// a line, which Spectre does past its width (4096 columns here: a long cycle's OKR008 message reaches that).
/// </summary>
internal static class PlainTextReport
{
    private const int BarWidth = 20;

    private static readonly string[] Bars = [.. Enumerable.Range(0, BarWidth + 1).Select(filled => new string('#', filled) + new string('.', BarWidth - filled))];

    /// <summary>Writes the report.</summary>
    public static void Write(DocumentAnalysis analysis, bool includeObjectives, Stream stdout)
    {
        var objectives = includeObjectives && !analysis.HasErrors && analysis.Set is not null ? analysis.Evaluation : null;
        Write(analysis.AsOf, objectives, () => analysis.Diagnostics, stdout);
    }

    /// <summary>
    /// Writes the tree of <paramref name="objectives"/> (null for none), then the findings, which are only asked for
    /// once the tree is written: <c>okr score</c> runs the rules meanwhile.
    /// </summary>
    public static void Write(DateOnly asOf, OkrEvaluation? objectives, Func<ValueArray<OkrDiagnostic>> diagnostics, Stream stdout)
    {
        using var writer = new StreamWriter(stdout, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16, leaveOpen: true);
        if (objectives is { } evaluation)
        {
            WriteTree(writer, asOf, evaluation);
        }

        WriteFindings(writer, diagnostics());
    }

    private static void WriteTree(StreamWriter writer, DateOnly asOf, OkrEvaluation evaluation)
    {
        writer.Write($"OKRs as of {asOf:yyyy-MM-dd}");
        writer.WriteLine();
        // Straight from the evaluation's nodes, not its ObjectiveEvaluation and KeyResultEvaluation records: a large
        // run holds off collections (NoCollectionRegion), so every record and formatted number allocated was fresh
        // memory, about 100 MB of it on 100,000 objectives. Titles come from the records by position (an objective's from
        // the set, its key results' from the graph's nodes), not from a dictionary of every id.
        var graph = evaluation.Graph;
        var nodes = graph.ObjectiveNodes;
        for (var o = 0; o < nodes.Length; o++)
        {
            var objective = nodes[o];
            var lastObjective = o == nodes.Length - 1;
            writer.Write(lastObjective ? "`-- " : "|-- ");
            WriteColumns(writer, evaluation, objective, graph.Set.Objectives[o].Title);
            writer.Write("  (pace ");
            WriteNumber(writer, evaluation.ExpectedAt(objective));
            writer.WriteLine(')');

            var end = graph.KeyResultsEnd(objective);
            for (var keyResult = objective + 1; keyResult < end; keyResult++)
            {
                writer.Write(lastObjective ? "    " : "|   ");
                writer.Write(keyResult == end - 1 ? "`-- " : "|-- ");
                WriteColumns(writer, evaluation, keyResult, graph.KeyResults[keyResult]!.Title);
                if (evaluation.CurrentAt(keyResult) is { } current)
                {
                    writer.Write("  (now ");
                    WriteNumber(writer, current);
                    writer.Write(')');
                }

                writer.WriteLine();
            }
        }

        writer.WriteLine();
    }

    private static void WriteFindings(StreamWriter writer, ValueArray<OkrDiagnostic> findings)
    {
        if (findings.Count == 0)
        {
            writer.WriteLine("No findings.");
            return;
        }

        var errors = findings.Count(f => f.Severity == OkrSeverity.Error);
        var warnings = findings.Count(f => f.Severity == OkrSeverity.Warning);
        writer.WriteLine($"Findings: {errors} error(s), {warnings} warning(s), {findings.Count - errors - warnings} info");
        foreach (var finding in TextReport.InReportOrder(findings))
        {
            writer.Write("  ");
            writer.Write(OkrReport.SeverityName(finding.Severity));
            writer.Write(' ');
            writer.Write(finding.Code);
            if (finding.Subject is not null)
            {
                writer.Write(' ');
                writer.Write(DocumentText.OneLine(finding.Subject));
            }

            writer.Write(": ");
            writer.WriteLine(DocumentText.OneLine(finding.Message));
        }
    }

    /// <summary>A tree line up to the title: bar, score, grade, status, id and title.</summary>
    private static void WriteColumns(StreamWriter writer, OkrEvaluation evaluation, int node, string title)
    {
        var score = evaluation.ScoreAt(node);
        writer.Write(Bars[score is { } s ? (int)Math.Round(s * BarWidth, MidpointRounding.AwayFromZero) : 0]);
        writer.Write(' ');
        if (score is { } shown)
        {
            WriteNumber(writer, shown);
        }
        else
        {
            writer.Write(" -- ");
        }

        writer.Write(' ');

        var label = DocumentText.OneLine(evaluation.GradeAt(node) ?? "ungraded");
        writer.Write(label);
        Pad(writer, Math.Max(0, 8 - label.Length) + 1);
        var statusName = OkrStatusNames.ToName(evaluation.StatusAt(node));
        writer.Write(statusName);
        Pad(writer, Math.Max(0, 10 - statusName.Length) + 2);
        writer.Write(DocumentText.OneLine(evaluation.Graph.Ids[node]));
        writer.Write("  ");
        writer.Write(DocumentText.OneLine(title));
    }

    /// <summary>A score or pace as the report shows it: two decimals, invariant culture (formatted in place, not into a string).</summary>
    private static void WriteNumber(StreamWriter writer, double value)
    {
        Span<char> text = stackalloc char[64];
        if (value.TryFormat(text, out var length, "0.00", CultureInfo.InvariantCulture))
        {
            writer.Write(text[..length]);
        }
        else
        {
            writer.Write(value.ToString("0.00", CultureInfo.InvariantCulture)); // over 60 digits: not a score or a pace
        }
    }

    /// <summary>A current value as given (its scale kept), invariant culture; a decimal has at most 31 characters.</summary>
    private static void WriteNumber(StreamWriter writer, decimal value)
    {
        Span<char> text = stackalloc char[32];
        if (value.TryFormat(text, out var length, default, CultureInfo.InvariantCulture))
        {
            writer.Write(text[..length]);
        }
        else
        {
            writer.Write(value.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static void Pad(StreamWriter writer, int spaces)
    {
        for (var i = 0; i < spaces; i++)
        {
            writer.Write(' ');
        }
    }
}
