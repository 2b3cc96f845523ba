using System.Globalization;
using System.Text.Json;
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

    [Property]
    public void Report_ObjectivesSayWhatTheEvaluationsRecordsSay(OkrSet set)
    {
        // The report is written from the evaluation's nodes, not from its records: both must tell the same, field
        // for field, on days before, inside and after the periods. They read the same per-node accessors, so this
        // catches a field written under the wrong name, left out or read from the wrong node; the values themselves
        // are pinned by the golden reports (tests/Okr.Cli.Tests/Documents/*.expected.json) and by spec-diff.
        foreach (var asOf in (DateOnly[])[new(2026, 9, 1), new(2026, 11, 15), new(2027, 2, 1)])
        {
            var evaluation = set.Evaluate(asOf);
            using var report = JsonDocument.Parse(OkrReport.Write(new DocumentAnalysis(asOf, set, evaluation, [])));
            var written = report.RootElement.GetProperty("objectives").EnumerateArray().ToArray();

            Assert.Equal(evaluation.Objectives.Count, written.Length);
            foreach (var (objective, json) in evaluation.Objectives.Zip(written))
            {
                Assert.Equal(
                    (objective.Id, objective.Score, objective.Grade, OkrStatusNames.ToName(objective.Status), (double?)objective.Elapsed, (double?)objective.Expected),
                    (json.GetProperty("id").GetString(), Number(json, "score"), json.GetProperty("grade").GetString(), json.GetProperty("status").GetString(), Number(json, "elapsed"), Number(json, "expected")));
                var keyResults = json.GetProperty("keyResults").EnumerateArray().ToArray();
                Assert.Equal(objective.KeyResults.Count, keyResults.Length);
                foreach (var (keyResult, kr) in objective.KeyResults.Zip(keyResults))
                {
                    var current = keyResult.Kind == KeyResultKind.Checklist ? Text(keyResult.Attainment) : keyResult.Current?.ToString(CultureInfo.InvariantCulture);
                    Assert.Equal(
                        (keyResult.Id, current, keyResult.Attainment, keyResult.Score, keyResult.Grade, OkrStatusNames.ToName(keyResult.Status), keyResult.Confidence, keyResult.LastCheckIn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                        (kr.GetProperty("id").GetString(), kr.GetProperty("current") is { ValueKind: JsonValueKind.Number } number ? number.GetRawText() : null, Number(kr, "attainment"), Number(kr, "score"), kr.GetProperty("grade").GetString(), kr.GetProperty("status").GetString(), kr.GetProperty("confidence") is { ValueKind: JsonValueKind.Number } c ? c.GetInt32() : null, kr.GetProperty("lastCheckIn").GetString()));
                }
            }
        }

        static double? Number(JsonElement json, string name) => json.GetProperty(name) is { ValueKind: JsonValueKind.Number } number ? number.GetDouble() : null;

        static string? Text(double? fraction) => fraction is { } value ? (value == 0 ? 0.0 : value).ToString("R", CultureInfo.InvariantCulture) : null;
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
