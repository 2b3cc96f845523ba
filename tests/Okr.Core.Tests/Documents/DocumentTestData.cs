using System.Text;
using Okr.Core.Documents;

namespace Okr.Core.Tests.Documents;

/// <summary>Small okr/v1 documents for reader tests.</summary>
internal static class DocumentTestData
{
    public static readonly DateOnly AsOf = new(2026, 11, 15);

    /// <summary>A valid one-objective document; <paramref name="keyResults"/> and <paramref name="extraObjectives"/> are spliced in as JSON.</summary>
    public static string Document(string keyResults = DefaultKeyResults, string extraObjectives = "", string settings = "", string objectiveExtra = "")
        => $$"""
        {
          "schema": "okr/v1",
          {{(settings.Length > 0 ? $"\"settings\": {settings}," : string.Empty)}}
          "periods": [{"id": "q4", "start": "2026-10-01", "end": "2026-12-31"}],
          "owners": [{"id": "acme", "name": "Acme"}],
          "objectives": [
            {"id": "o1", "title": "Delight users", "owner": "acme", "period": "q4"{{objectiveExtra}},
             "keyResults": [{{keyResults}}]}{{extraObjectives}}
          ]
        }
        """;

    public const string DefaultKeyResults = """
        {"id": "kr1", "title": "Raise NPS from 30 to 50", "kind": "increase", "baseline": 30, "target": 50,
         "checkIns": [{"at": "2026-11-10", "value": 40, "confidence": 7}]}
        """;

    public static List<string> Findings(string json) => Findings(OkrDocument.Analyze(json, AsOf).Diagnostics);

    public static List<string> Findings(IEnumerable<OkrDiagnostic> diagnostics) => diagnostics
        .Select(d => $"{d.Code} {d.Subject ?? "null"}")
        .Order(StringComparer.Ordinal)
        .ToList();

    public static List<string> Errors(string json) => OkrDocument.TryRead(json).Match(_ => [], errors => Findings(errors));

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
