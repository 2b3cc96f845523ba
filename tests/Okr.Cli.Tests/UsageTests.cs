namespace Okr.Cli.Tests;

public sealed class UsageTests
{
    [Theory]
    [InlineData("score")]
    [InlineData("score", "a.json", "b.json")]
    [InlineData("score", "{doc}", "--format", "xml")]
    [InlineData("score", "{doc}", "--as-of", "2026-13-01")]
    [InlineData("score", "{doc}", "--as-of", "15/11/2026")]
    [InlineData("score", "{doc}", "--as-of")]
    [InlineData("score", "{doc}", "--verbose")]
    [InlineData("frobnicate")]
    [InlineData("validate")]
    [InlineData("rules", "--format", "yaml")]
    public void Run_WrongUsage_ExitsTwoWithAMessageOnStderr(params string[] args)
    {
        var doc = CliRunner.DocumentPath("spec-example.okr.json");
        var result = CliRunner.Run(args.Select(a => a.Replace("{doc}", doc, StringComparison.Ordinal)).ToArray());

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.StartsWith("okr: ", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--as-of needs a value", "--as-of", "--format", "json")]
    [InlineData("--format needs a value", "--format", "--as-of", "2026-11-15")]
    [InlineData("--as-of is given twice", "--as-of", "2026-11-15", "--as-of", "2026-11-16")]
    [InlineData("--format is given twice", "--format", "json", "--format=text")]
    public void Run_AnOptionWithoutItsValueOrGivenTwice_IsNamed(string message, params string[] options)
    {
        var result = CliRunner.Run(["validate", CliRunner.DocumentPath("spec-example.okr.json"), .. options]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.StartsWith($"okr: {message}", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_NoArguments_PrintsHelpToStderrAndExitsTwo()
    {
        var result = CliRunner.Run();

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("okr score FILE", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public void Run_Help_PrintsUsageAndExitCodes(string flag)
    {
        var result = CliRunner.Run(flag);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("okr score FILE", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Exit codes", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("score", "--as-of")]
    [InlineData("validate", "findings only")]
    [InlineData("rules", "quality rules")]
    [InlineData("init", "never overwrites")]
    public void Run_CommandHelp_DescribesTheCommand(string command, string phrase)
    {
        var result = CliRunner.Run(command, "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(phrase, result.Stdout, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Run_Version_PrintsAVersion()
    {
        var result = CliRunner.Run("--version");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^okr \d+\.\d+\.\d+", result.Stdout);
    }
}
