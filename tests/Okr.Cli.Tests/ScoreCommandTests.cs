using System.Text.Json;

namespace Okr.Cli.Tests;

public sealed class ScoreCommandTests
{
    [Fact]
    public void Score_SpecExample_PrintsTheSpecsReportExactly()
    {
        var result = CliRunner.Run("score", CliRunner.DocumentPath("spec-example.okr.json"), "--as-of", "2026-11-15", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        JsonAssert.ReportEqual(File.ReadAllText(CliRunner.DocumentPath("spec-example.expected.json")), result.Stdout);
    }

    [Fact]
    public void Score_RollupDocument_MatchesHandCheckedReport()
    {
        var result = CliRunner.Run("score", CliRunner.DocumentPath("rollup.okr.json"), "--as-of=2026-11-15", "--format=json");

        Assert.Equal(0, result.ExitCode);
        JsonAssert.ReportEqual(File.ReadAllText(CliRunner.DocumentPath("rollup.expected.json")), result.Stdout);
    }

    [Fact]
    public void Score_WithoutAsOf_UsesTodayFromTheClock()
    {
        var result = CliRunner.Run("score", CliRunner.DocumentPath("spec-example.okr.json"), "--format", "json");

        using var report = JsonDocument.Parse(result.Stdout);
        Assert.Equal("2026-11-15", report.RootElement.GetProperty("asOf").GetString());
    }

    [Fact]
    public void Score_JsonOutput_IsOneObjectAndNothingElse()
    {
        var result = CliRunner.Run("score", CliRunner.DocumentPath("spec-example.okr.json"), "--as-of", "2026-11-15", "--format", "json");

        using var report = JsonDocument.Parse(result.Stdout);
        Assert.Equal(JsonValueKind.Object, report.RootElement.ValueKind);
        Assert.Equal(string.Empty, result.Stderr);
    }

    [Fact]
    public void Score_DocumentWithErrors_PrintsNoObjectivesAndExitsOne()
    {
        using var folder = new TempFolder();
        var path = folder.File("bad.okr.json", """{"schema": "okr/v1", "periods": [], "owners": [], "objectives": [{"id": "o", "title": "T", "owner": "x", "period": "p"}]}""");

        var result = CliRunner.Run("score", path, "--format", "json");

        Assert.Equal(1, result.ExitCode);
        using var report = JsonDocument.Parse(result.Stdout);
        Assert.Equal(0, report.RootElement.GetProperty("objectives").GetArrayLength());
        Assert.Equal(["OKR004 error o", "OKR004 error o"], JsonAssert.Findings(report.RootElement));
    }

    [Fact]
    public void Score_RuleSetToError_MakesTheDocumentFail()
    {
        using var folder = new TempFolder();
        var text = File.ReadAllText(CliRunner.DocumentPath("spec-example.okr.json")).Replace("\"OKR201\": \"off\"", "\"OKR103\": \"error\"", StringComparison.Ordinal);
        var path = folder.File("strict.okr.json", text);

        var result = CliRunner.Run("score", path, "--as-of", "2026-11-15", "--format", "json");

        Assert.Equal(1, result.ExitCode);
        using var report = JsonDocument.Parse(result.Stdout);
        Assert.Equal(0, report.RootElement.GetProperty("objectives").GetArrayLength());
        Assert.Contains("OKR103 error o-acme", JsonAssert.Findings(report.RootElement));
    }

    [Fact]
    public void Score_RuleTurnedOff_ReportsNothingForIt()
    {
        using var folder = new TempFolder();
        var text = File.ReadAllText(CliRunner.DocumentPath("spec-example.okr.json")).Replace("\"OKR201\": \"off\"", "\"OKR204\": \"off\"", StringComparison.Ordinal);
        var path = folder.File("quiet.okr.json", text);

        var result = CliRunner.Run("score", path, "--as-of", "2026-11-15", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["OKR103 warning o-acme"], JsonAssert.Findings(result.Stdout));
    }

    [Fact]
    public void Score_BeforeThePeriod_IsNotStartedEverywhere()
    {
        var result = CliRunner.Run("score", CliRunner.DocumentPath("spec-example.okr.json"), "--as-of", "2026-09-30", "--format", "json");

        using var report = JsonDocument.Parse(result.Stdout);
        var statuses = report.RootElement.GetProperty("objectives").EnumerateArray()
            .SelectMany(o => o.GetProperty("keyResults").EnumerateArray().Append(o))
            .Select(x => x.GetProperty("status").GetString())
            .Distinct()
            .ToList();
        Assert.Equal(["notStarted"], statuses);
    }

    [Fact]
    public void Score_AfterThePeriod_GradesMetOrMissed()
    {
        var result = CliRunner.Run("score", CliRunner.DocumentPath("spec-example.okr.json"), "--as-of", "2027-01-01", "--format", "json");

        using var report = JsonDocument.Parse(result.Stdout);
        var acme = report.RootElement.GetProperty("objectives")[0];
        Assert.Equal("missed", acme.GetProperty("status").GetString());
        Assert.Equal(1.0, acme.GetProperty("elapsed").GetDouble());
    }
}

public sealed class StandardInputTests
{
    [Fact]
    public void Score_Dash_ReadsTheDocumentFromStandardInput()
    {
        var document = File.ReadAllBytes(CliRunner.DocumentPath("spec-example.okr.json"));

        var result = CliRunner.RunWithInput(document, true, "score", "-", "--as-of", "2026-11-15", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        JsonAssert.ReportEqual(File.ReadAllText(CliRunner.DocumentPath("spec-example.expected.json")), result.Stdout);
    }

    [Fact]
    public void Validate_DashWithEmptyInput_IsMalformedJson()
    {
        var result = CliRunner.RunWithInput([], true, "validate", "-", "--format", "json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["OKR001 error null"], JsonAssert.Findings(result.Stdout));
    }
}
