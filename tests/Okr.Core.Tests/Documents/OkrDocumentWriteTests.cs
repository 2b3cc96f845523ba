using Okr.Core.Documents;

namespace Okr.Core.Tests.Documents;

public class OkrDocumentWriteTests
{
    private static OkrSet WithTitle(string title) => Set(new Objective("o-1", title, "acme", Q4.Id, [Inc("kr-1", 0, 10)]));

    [Fact]
    public void Write_KeepsTextReadable_ForOkrsKeptInAGitRepository()
    {
        const string title = "Délight Zürich's “regulars” <fast> & more — 早く";

        var document = OkrDocument.Write(WithTitle(title));

        Assert.Contains($"\"title\": \"{title}\"", document, StringComparison.Ordinal);
        Assert.Equal(title, OkrDocument.Read(document).Objectives[0].Title);
    }

    [Fact]
    public void Write_CharactersBeyondTheBasicPlane_AreEscapedAndReadBack()
    {
        // System.Text.Json's encoders escape surrogate pairs (emoji) whatever they allow.
        var document = OkrDocument.Write(WithTitle("Ship 🚀"));

        Assert.Contains("\"title\": \"Ship \\uD83D\\uDE80\"", document, StringComparison.Ordinal);
        Assert.Equal("Ship 🚀", OkrDocument.Read(document).Objectives[0].Title);
    }

    [Fact]
    public void Write_QuotesBackslashesAndControls_AreStillEscaped()
    {
        const string title = "say \"hi\" \\ then\ttab";

        var document = OkrDocument.Write(WithTitle(title));

        Assert.Contains("\"title\": \"say \\\"hi\\\" \\\\ then\\ttab\"", document, StringComparison.Ordinal);
        Assert.Equal(title, OkrDocument.Read(document).Objectives[0].Title);
    }

    [Fact]
    public void Write_UnpairedSurrogate_BecomesTheReplacementCharacter()
    {
        var document = OkrDocument.Write(WithTitle("a\uD800b"));

        Assert.Equal("a\uFFFDb", OkrDocument.Read(document).Objectives[0].Title);
    }
}
