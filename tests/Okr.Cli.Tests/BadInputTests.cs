using System.Text;
using System.Text.Json;

namespace Okr.Cli.Tests;

public sealed class BadInputTests
{
    [Fact]
    public void Score_MissingFile_ExitsTwoNamingThePath()
    {
        var result = CliRunner.Run("score", "/no/such/file.okr.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("/no/such/file.okr.json", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Fact]
    public void Score_Directory_ExitsTwo()
    {
        using var folder = new TempFolder();

        var result = CliRunner.Run("score", folder.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("directory", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_EmptyFile_IsMalformedJson()
    {
        using var folder = new TempFolder();

        var result = CliRunner.Run("score", folder.File("empty.json", string.Empty), "--format", "json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["OKR001 error null"], JsonAssert.Findings(result.Stdout));
    }

    [Fact]
    public void Score_HugeFile_IsRefusedWithoutReadingIt()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "huge.json");
        using (var stream = File.Create(path))
        {
            stream.SetLength(OkrCommand.MaxFileBytes + 1);
        }

        var result = CliRunner.Run("score", path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("MiB", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_DeeplyNestedJson_IsASchemaErrorNotACrash()
    {
        using var folder = new TempFolder();
        var nested = new string('[', 200_000) + new string(']', 200_000);
        var path = folder.File("deep.json", $$"""{"schema": "okr/v1", "periods": [], "owners": [], "objectives": {{nested}}}""");

        var result = CliRunner.Run("score", path, "--format", "json");

        Assert.Equal(1, result.ExitCode);
        Assert.All(JsonAssert.Findings(result.Stdout), f => Assert.StartsWith("OKR002", f, StringComparison.Ordinal));
    }

    [Fact]
    public void Score_DeeplyNestedUnclosedJson_IsMalformed()
    {
        using var folder = new TempFolder();
        var path = folder.File("deep.json", new string('{', 100_000));

        var result = CliRunner.Run("score", path, "--format", "json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["OKR001 error null"], JsonAssert.Findings(result.Stdout));
    }

    [Fact]
    public void Score_InvalidUtf8_IsMalformedWithLineAndColumn()
    {
        using var folder = new TempFolder();
        var bytes = Encoding.UTF8.GetBytes("{\n  \"schema\": \"okr/v1\",\n  \"x\": \"").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes("\"}")).ToArray();

        var result = CliRunner.Run("score", folder.File("bad.json", bytes), "--format", "json");

        Assert.Equal(1, result.ExitCode);
        using var report = JsonDocument.Parse(result.Stdout);
        var message = report.RootElement.GetProperty("diagnostics")[0].GetProperty("message").GetString();
        Assert.Contains("line 3", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_ByteOrderMark_IsAccepted()
    {
        using var folder = new TempFolder();
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(File.ReadAllBytes(CliRunner.DocumentPath("spec-example.okr.json"))).ToArray();

        var result = CliRunner.Run("score", folder.File("bom.json", bytes), "--as-of", "2026-11-15", "--format", "json");

        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public void Score_EmojiEverywhere_ScoresAndLimitsIdsInUtf16Units()
    {
        using var folder = new TempFolder();
        var longId = string.Concat(Enumerable.Repeat("🚀", 101)); // 202 UTF-16 units
        var document = $$"""
            {"schema": "okr/v1", "periods": [{"id": "🗓", "start": "2026-10-01", "end": "2026-12-31"}],
             "owners": [{"id": "👩‍💻", "name": "Team 🎉"}],
             "objectives": [{"id": "🎯", "title": "Delight 😀 users", "owner": "👩‍💻", "period": "🗓",
               "keyResults": [{"id": "{{longId}}", "title": "NPS 📈", "kind": "increase", "baseline": 0, "target": 10}]}]}
            """;

        var result = CliRunner.Run("score", folder.File("emoji.json", document), "--format", "json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["OKR002 error 🎯"], JsonAssert.Findings(result.Stdout));
    }

    [Theory]
    [InlineData("\"value\": 1e30", "OKR005 error kr")]
    [InlineData("\"value\": -1e300", "OKR005 error kr")]
    [InlineData("\"value\": 1, \"confidence\": 11", "OKR005 error kr")]
    [InlineData("\"value\": 1, \"confidence\": 1e400", "OKR005 error kr")]
    [InlineData("\"value\": 1, \"confidence\": \"7\"", "OKR002 error kr")]
    [InlineData("\"value\": \"1\"", "OKR002 error kr")]
    public void Score_BadNumbers_AreReportedNotThrown(string checkIn, string finding)
    {
        using var folder = new TempFolder();
        var document = $$"""
            {"schema": "okr/v1", "periods": [{"id": "q", "start": "2026-10-01", "end": "2026-12-31"}], "owners": [{"id": "me"}],
             "objectives": [{"id": "o", "title": "Grow", "owner": "me", "period": "q",
               "keyResults": [{"id": "kr", "title": "Users from 0 to 10", "kind": "increase", "baseline": 0, "target": 10,
                 "checkIns": [{"at": "2026-10-02", {{checkIn}}}]}]}]}
            """;

        var result = CliRunner.Run("score", folder.File("numbers.json", document), "--format", "json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal([finding], JsonAssert.Findings(result.Stdout));
    }

    [Theory]
    [InlineData("0", "0.000001", "100000000000000000000000", 1e29)] // the quotient leaves decimal's range
    [InlineData("-1", "-0.9999999999999999999999999999", "79228162514264337593543950335", 7.922816251426433e56)] // the difference too
    [InlineData("0", "10000000000000001", "1", 9.999999999999999e-17)] // decimal division would keep 28 places
    public void Score_ExtremeButValidValues_ScoreExactlyWithoutCrashing(string baseline, string target, string value, double attainment)
    {
        using var folder = new TempFolder();
        var document = $$"""
            {"schema": "okr/v1", "periods": [{"id": "q", "start": "2026-10-01", "end": "2026-12-31"}], "owners": [{"id": "me"}],
             "objectives": [{"id": "o", "title": "Grow", "owner": "me", "period": "q",
               "keyResults": [{"id": "kr", "title": "Users", "kind": "increase", "baseline": {{baseline}}, "target": {{target}},
                 "checkIns": [{"at": "2026-10-02", "value": {{value}}}]}]}]}
            """;

        var result = CliRunner.Run("score", folder.File("extreme.json", document), "--as-of", "2026-10-03", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var report = JsonDocument.Parse(result.Stdout);
        var keyResult = report.RootElement.GetProperty("objectives")[0].GetProperty("keyResults")[0];
        Assert.Equal(attainment, keyResult.GetProperty("attainment").GetDouble());
        Assert.Equal(value, keyResult.GetProperty("current").GetRawText());
    }
}
