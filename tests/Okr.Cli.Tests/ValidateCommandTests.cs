using System.Text.Json;

namespace Okr.Cli.Tests;

public sealed class ValidateCommandTests
{
    [Fact]
    public void Validate_SpecExample_SameObjectAsScoreWithEmptyObjectives()
    {
        var result = CliRunner.Run("validate", CliRunner.DocumentPath("spec-example.okr.json"), "--as-of", "2026-11-15", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var report = JsonDocument.Parse(result.Stdout);
        Assert.Equal("okr-report/v1", report.RootElement.GetProperty("schema").GetString());
        Assert.Equal(0, report.RootElement.GetProperty("objectives").GetArrayLength());
        Assert.Equal(
            ["OKR103 warning o-acme", "OKR204 warning kr-beta", "OKR204 warning kr-crash", "OKR204 warning kr-nps"],
            JsonAssert.Findings(report.RootElement));
    }

    [Theory]
    [InlineData("""{"schema": "okr/v2", "periods": [], "owners": [], "objectives": []}""", "OKR002 error null")]
    [InlineData("""{"schema": "okr/v1", "periods": [{"id": "q", "start": "2026-10-01", "end": "2026-09-01"}], "owners": [], "objectives": []}""", "OKR007 error q")]
    [InlineData("""{"schema": "okr/v1", "periods": [], "owners": [{"id": "a", "parent": "a"}], "objectives": []}""", "OKR008 error a")]
    [InlineData("""{"schema": "okr/v1", "settings": {"aspirationalTarget": 0}, "periods": [], "owners": [], "objectives": []}""", "OKR009 error null")]
    [InlineData("""{"schema": "okr/v1", "periods": [], "owners": [], "objectives": [], "extra": null}""", "OKR002 error null")]
    [InlineData("""{"schema": "okr/v1", "periods": [], "owners": []}""", "OKR002 error null")]
    [InlineData("""{"schema": "okr/v1", "periods": [], "owners": [], "objectives": []""", "OKR001 error null")]
    public void Validate_BrokenDocument_ReportsItsCodeAndExitsOne(string document, string finding)
    {
        using var folder = new TempFolder();
        var result = CliRunner.Run("validate", folder.File("doc.json", document), "--format", "json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal([finding], JsonAssert.Findings(result.Stdout));
    }

    [Fact]
    public void Validate_TextFormat_ListsFindingsWithCodes()
    {
        var result = CliRunner.Run("validate", CliRunner.DocumentPath("spec-example.okr.json"), "--as-of", "2026-11-15");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("OKR103 o-acme", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("4 warning(s)", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Win the mobile market", result.Stdout, StringComparison.Ordinal);
    }
}
