namespace Okr.Cli.Tests;

public sealed class TextFormatTests
{
    [Fact]
    public void Score_TextRedirected_IsPlainTextWithTreeAndBars()
    {
        var result = CliRunner.Run("score", CliRunner.DocumentPath("spec-example.okr.json"), "--as-of", "2026-11-15");

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("\u001b[", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("o-acme", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("0.26 red", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("#####.....", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("kr-steps", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("OKR204", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_TextWithErrors_ShowsOnlyFindings()
    {
        using var folder = new TempFolder();
        var path = folder.File("bad.json", """{"schema": "okr/v1", "periods": [], "owners": [], "objectives": [{"id": "o"}]}""");

        var result = CliRunner.Run("score", path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("objectives[0].title is missing", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_TitlesWithMarkupCharacters_AreShownLiterally()
    {
        using var folder = new TempFolder();
        var text = File.ReadAllText(CliRunner.DocumentPath("spec-example.okr.json")).Replace("Win the mobile market", "Win [bold] the [/] market", StringComparison.Ordinal);

        var result = CliRunner.Run("score", folder.File("markup.json", text), "--as-of", "2026-11-15");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Win [bold] the [/] market", result.Stdout, StringComparison.Ordinal);
    }
}
