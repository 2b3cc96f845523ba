using System.Text;

namespace Okr.Cli.Tests;

/// <summary>
/// A document file of a megabyte or more is mapped into memory rather than read into an array (and one of 4 MiB or
/// more is read on two cores): the report is the same as for the same bytes on standard input, which are copied.
/// </summary>
public sealed class LargeDocumentTests
{
    [Theory]
    [InlineData(3_000, "text")]
    [InlineData(3_000, "json")]
    [InlineData(15_000, "text")]
    [InlineData(15_000, "json")]
    public void Score_LargeFile_SameAsStandardInput(int objectives, string format)
    {
        using var folder = new TempFolder();
        var utf8 = Document(objectives);
        var path = folder.File("large.okr.json", utf8);

        var fromFile = CliRunner.Run("score", path, "--format", format);
        var fromInput = CliRunner.RunWithInput(utf8, outputRedirected: true, "score", "-", "--format", format);

        Assert.True(utf8.Length >= MappedFile.MinBytes);
        Assert.Equal(OkrCommand.Ok, fromFile.ExitCode);
        Assert.Equal(fromInput.Stdout, fromFile.Stdout);
        Assert.Contains("o2999", fromFile.Stdout, StringComparison.Ordinal);
    }

    private static byte[] Document(int objectives)
    {
        var text = new StringBuilder("""{"schema": "okr/v1", "periods": [{"id": "q", "start": "2026-10-01", "end": "2026-12-31"}], "owners": [{"id": "t"}], "objectives": [""");
        for (var i = 0; i < objectives; i++)
        {
            text.Append(i == 0 ? "\n" : ",\n")
                .Append($$"""  {"id": "o{{i}}", "title": "Grow the business {{i % 5}}", "owner": "t", "period": "q", "keyResults": [""")
                .Append($$"""{"id": "o{{i}}k0", "title": "Revenue", "kind": "increase", "baseline": 1, "target": 2.5, "checkIns": [{"at": "2026-10-0{{1 + (i % 9)}}", "value": 1.{{i}}, "confidence": 7}, {"at": "2026-11-01", "value": 2}]},""")
                .Append($$"""{"id": "o{{i}}k1", "title": "Launch", "kind": "checklist", "items": [{"title": "a"}, {"title": "b", "doneOn": "2026-10-05"}]}]}""");
        }

        return Encoding.UTF8.GetBytes(text.Append("\n]}\n").ToString());
    }
}
