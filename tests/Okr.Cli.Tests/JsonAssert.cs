using System.Text.Json;

namespace Okr.Cli.Tests;

/// <summary>Compares reports: numbers by their exact text, diagnostics as a multiset of (code, severity, subject).</summary>
internal static class JsonAssert
{
    public static void ReportEqual(string expectedJson, string actualJson)
    {
        using var expected = JsonDocument.Parse(expectedJson);
        using var actual = JsonDocument.Parse(actualJson);
        var e = expected.RootElement;
        var a = actual.RootElement;
        Assert.Equal(e.GetProperty("schema").GetString(), a.GetProperty("schema").GetString());
        Assert.Equal(e.GetProperty("asOf").GetString(), a.GetProperty("asOf").GetString());
        Equal(e.GetProperty("objectives"), a.GetProperty("objectives"), "objectives");
        Assert.Equal(Findings(e), Findings(a));
    }

    public static List<string> Findings(JsonElement report) => report.GetProperty("diagnostics").EnumerateArray()
        .Select(d => $"{d.GetProperty("code").GetString()} {d.GetProperty("severity").GetString()} {d.GetProperty("subject").GetString() ?? "null"}")
        .Order(StringComparer.Ordinal)
        .ToList();

    public static List<string> Findings(string reportJson)
    {
        using var document = JsonDocument.Parse(reportJson);
        return Findings(document.RootElement);
    }

    private static void Equal(JsonElement expected, JsonElement actual, string path)
    {
        Assert.True(expected.ValueKind == actual.ValueKind, $"{path}: expected {expected.ValueKind} but found {actual.ValueKind} ({actual.GetRawText()})");
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var expectedNames = expected.EnumerateObject().Select(p => p.Name).ToList();
                var actualNames = actual.EnumerateObject().Select(p => p.Name).ToList();
                Assert.True(expectedNames.SequenceEqual(actualNames), $"{path}: members {string.Join(",", actualNames)}, expected {string.Join(",", expectedNames)}");
                foreach (var name in expectedNames)
                {
                    Equal(expected.GetProperty(name), actual.GetProperty(name), $"{path}.{name}");
                }

                break;
            case JsonValueKind.Array:
                Assert.True(expected.GetArrayLength() == actual.GetArrayLength(), $"{path}: {actual.GetArrayLength()} items, expected {expected.GetArrayLength()}");
                for (var i = 0; i < expected.GetArrayLength(); i++)
                {
                    Equal(expected[i], actual[i], $"{path}[{i}]");
                }

                break;
            default:
                Assert.True(expected.GetRawText() == actual.GetRawText(), $"{path}: expected {expected.GetRawText()} but found {actual.GetRawText()}");
                break;
        }
    }
}
