using System.Text;
using System.Text.Json;

namespace Okr.Core.Documents;

/// <summary>
/// The <c>okr-report/v1</c> JSON object (spec section 9): every objective and key result as of the day, in document
/// order, with nulls where a value does not exist, doubles in shortest round-trip form and decimals with their scale;
/// then every finding.
/// </summary>
public static class OkrReport
{
    /// <summary>The schema name of the report.</summary>
    public const string Schema = "okr-report/v1";

    /// <summary>Writes the report of <paramref name="analysis"/> as compact UTF-8 JSON.</summary>
    /// <param name="analysis">The analysis.</param>
    /// <param name="includeObjectives">False for <c>okr validate</c> (diagnostics only); objectives are always left out when the document has errors.</param>
    /// <param name="indented">Whether to indent.</param>
    public static byte[] WriteUtf8(DocumentAnalysis analysis, bool includeObjectives = true, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        using var stream = new MemoryStream();
        Write(analysis, stream, includeObjectives, indented);
        return stream.ToArray();
    }

    /// <summary>Writes the report to <paramref name="utf8Output"/> as it goes, so a large report is never held whole in memory.</summary>
    internal static void Write(DocumentAnalysis analysis, Stream utf8Output, bool includeObjectives = true, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var objectives = includeObjectives && !analysis.HasErrors ? analysis.Evaluation : null;
        Write(analysis.AsOf, objectives, () => analysis.Diagnostics, utf8Output, indented);
    }

    /// <summary>
    /// Writes the report of <paramref name="objectives"/> (null for none) and then of the diagnostics, which are only
    /// asked for once the objectives are written: <c>okr score</c> runs the rules meanwhile.
    /// </summary>
    internal static void Write(DateOnly asOf, OkrEvaluation? objectives, Func<ValueArray<OkrDiagnostic>> diagnostics, Stream utf8Output, bool indented = false)
    {
        // Utf8JsonWriter keeps everything until flushed: flush every so often rather than grow one huge buffer.
        const int FlushAt = 1 << 16;
        using var json = new Utf8JsonWriter(utf8Output, new JsonWriterOptions { Indented = indented, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("schema", Schema);
        json.WriteString("asOf", DocumentDates.Format(asOf));
        json.WriteStartArray("objectives");
        if (objectives is { } evaluation)
        {
            // Straight from the evaluation's nodes, not its ObjectiveEvaluation and KeyResultEvaluation records (which
            // Objectives would keep for every objective): the okr command holds off collections while it scores a
            // large document, so every record allocated was fresh memory, about 60 MB of it on 100,000 objectives.
            foreach (var node in evaluation.Graph.ObjectiveNodes)
            {
                WriteObjective(json, evaluation, node);
                if (json.BytesPending > FlushAt)
                {
                    json.Flush();
                }
            }
        }

        json.WriteEndArray();
        json.WriteStartArray("diagnostics");
        foreach (var diagnostic in diagnostics())
        {
            json.WriteStartObject();
            json.WriteString("code", diagnostic.Code);
            json.WriteString("severity", SeverityName(diagnostic.Severity));
            if (diagnostic.Subject is null)
            {
                json.WriteNull("subject");
            }
            else
            {
                json.WriteString("subject", diagnostic.Subject);
            }

            json.WriteString("message", diagnostic.Message);
            json.WriteEndObject();
            if (json.BytesPending > FlushAt)
            {
                json.Flush();
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Writes the report as a string; see <see cref="WriteUtf8"/>.</summary>
    /// <param name="analysis">The analysis.</param>
    /// <param name="includeObjectives">False for diagnostics only.</param>
    /// <param name="indented">Whether to indent.</param>
    public static string Write(DocumentAnalysis analysis, bool includeObjectives = true, bool indented = false)
        => Encoding.UTF8.GetString(WriteUtf8(analysis, includeObjectives, indented));

    /// <summary>The report name of a severity: <c>error</c>, <c>warning</c> or <c>info</c>.</summary>
    /// <param name="severity">The severity.</param>
    public static string SeverityName(OkrSeverity severity) => severity switch
    {
        OkrSeverity.Error => "error",
        OkrSeverity.Warning => "warning",
        _ => "info",
    };

    /// <summary>The fields of <see cref="ObjectiveEvaluation"/> and its key results' <see cref="KeyResultEvaluation"/>, read by node.</summary>
    private static void WriteObjective(Utf8JsonWriter json, OkrEvaluation evaluation, int node)
    {
        json.WriteStartObject();
        json.WriteString("id", evaluation.Graph.Ids[node]);
        WriteDouble(json, "score", evaluation.ScoreAt(node));
        WriteString(json, "grade", evaluation.GradeAt(node));
        json.WriteString("status", OkrStatusNames.ToName(evaluation.StatusAt(node)));
        WriteDouble(json, "elapsed", evaluation.ElapsedAt(node));
        WriteDouble(json, "expected", evaluation.ExpectedAt(node));
        json.WriteStartArray("keyResults");
        var end = evaluation.Graph.KeyResultsEnd(node);
        for (var keyResult = node + 1; keyResult < end; keyResult++)
        {
            WriteKeyResult(json, evaluation, keyResult);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteKeyResult(Utf8JsonWriter json, OkrEvaluation evaluation, int node)
    {
        var latest = evaluation.LatestCheckInAt(node);
        var attainment = evaluation.AttainmentAt(node);
        json.WriteStartObject();
        json.WriteString("id", evaluation.Graph.Ids[node]);
        if (evaluation.KindAt(node) == KeyResultKind.Checklist)
        {
            // A checklist's current value is its done share, a fraction rather than a measured decimal.
            WriteDouble(json, "current", attainment);
        }
        else if (evaluation.CurrentAt(node, latest) is { } current)
        {
            json.WriteNumber("current", current);
        }
        else
        {
            json.WriteNull("current");
        }

        WriteDouble(json, "attainment", attainment);
        WriteDouble(json, "score", evaluation.ScoreAt(node));
        WriteString(json, "grade", evaluation.GradeAt(node));
        json.WriteString("status", OkrStatusNames.ToName(evaluation.StatusAt(node)));
        if (latest?.Confidence is { } confidence)
        {
            json.WriteNumber("confidence", confidence);
        }
        else
        {
            json.WriteNull("confidence");
        }

        if (latest is { } checkIn)
        {
            json.WriteString("lastCheckIn", DocumentDates.Format(checkIn.At, stackalloc char[10]));
        }
        else
        {
            json.WriteNull("lastCheckIn");
        }

        json.WriteEndObject();
    }

    private static void WriteDouble(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } number)
        {
            // Shortest round-trip form; never -0.
            json.WriteNumber(name, number == 0 ? 0.0 : number);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteString(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
