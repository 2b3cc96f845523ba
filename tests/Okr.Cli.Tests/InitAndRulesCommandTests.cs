using System.Text.Json;

namespace Okr.Cli.Tests;

public sealed class InitAndRulesCommandTests
{
    [Fact]
    public void Init_WritesAStarterThatScoresWithoutFindings()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "okr.json");

        var init = CliRunner.Run("init", path);
        var score = CliRunner.Run("score", path, "--format", "json");

        Assert.Equal(0, init.ExitCode);
        Assert.Equal(0, score.ExitCode);
        Assert.Empty(JsonAssert.Findings(score.Stdout));
        using var report = JsonDocument.Parse(score.Stdout);
        Assert.Equal(2, report.RootElement.GetProperty("objectives").GetArrayLength());
    }

    [Fact]
    public void Init_ExistingFile_IsNotOverwritten()
    {
        using var folder = new TempFolder();
        var path = folder.File("okr.json", "keep me");

        var result = CliRunner.Run("init", path);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("keep me", File.ReadAllText(path));
    }

    [Fact]
    public void Init_FolderMissing_SaysWhichFolderAndWritesNothing()
    {
        using var folder = new TempFolder();
        var missing = Path.Combine(folder.Path, "plans");
        var path = Path.Combine(missing, "okr.json");

        var result = CliRunner.Run("init", path);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"okr: cannot write '{path}': the folder '{missing}' does not exist; create it first or give another path.", result.Stderr.TrimEnd());
        Assert.False(Directory.Exists(missing));
    }

    [Fact]
    public void Init_PathUnderAFile_SaysItIsAFile()
    {
        using var folder = new TempFolder();
        var file = folder.File("plans", "not a folder");
        var path = Path.Combine(file, "okr.json");

        var result = CliRunner.Run("init", path);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"okr: cannot write '{path}': '{file}' is a file, not a folder; give another path.", result.Stderr.TrimEnd());
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Init_EmptyFile_IsAUsageError(string path)
    {
        var result = CliRunner.Run("init", path);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("okr: FILE is empty: give a file name such as okr.json.", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_Json_ListsTheSixteenBuiltInRules()
    {
        var result = CliRunner.Run("rules", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var rules = JsonDocument.Parse(result.Stdout);
        var codes = rules.RootElement.EnumerateArray().Select(r => r.GetProperty("code").GetString()).ToList();
        Assert.Equal(16, codes.Count);
        Assert.Contains("OKR101", codes);
        Assert.Contains("OKR207", codes);
        Assert.Equal("info", rules.RootElement.EnumerateArray().Single(r => r.GetProperty("code").GetString() == "OKR206").GetProperty("severity").GetString());
    }

    [Fact]
    public void Rules_Text_ShowsCodesAndTitles()
    {
        var result = CliRunner.Run("rules");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("OKR204", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Stale key result", result.Stdout, StringComparison.Ordinal);
        Assert.All(result.Stdout.Split('\n'), line => Assert.True(line.Length <= 120, $"{line.Length} columns: {line}"));
    }
}
