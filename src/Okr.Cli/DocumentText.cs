using System.Buffers;

namespace Okr.Cli;

/// <summary>
/// Text from a document as the text report prints it. Kept apart from <see cref="TextReport"/> so that the plain
/// writer (<see cref="PlainTextReport"/>) does not load the terminal renderer for it.
/// </summary>
internal static class DocumentText
{
    /// <summary>The characters <see cref="OneLine"/> replaces: C0 and C1 controls (line breaks, tabs, escape) and the Unicode line and paragraph separators.</summary>
    private static readonly SearchValues<char> LineBreaking = SearchValues.Create([.. Enumerable.Range(0, 0xA0).Select(c => (char)c).Where(char.IsControl), '\u2028', '\u2029']);

    /// <summary>Whether <paramref name="text"/> has no character <see cref="OneLine"/> replaces.</summary>
    public static bool IsOneLine(string text) => text.AsSpan().IndexOfAny(LineBreaking) < 0;

    /// <summary>
    /// Text from the document (a title, an id, a grade label, a finding's message) as one line of its own characters:
    /// each control character and line separator becomes a space, so a title cannot break the tree across lines or
    /// send escape sequences to a terminal or a log.
    /// </summary>
    public static string OneLine(string text)
    {
        if (IsOneLine(text))
        {
            return text;
        }

        return string.Create(text.Length, text, static (line, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                line[i] = LineBreaking.Contains(source[i]) ? ' ' : source[i];
            }
        });
    }
}
