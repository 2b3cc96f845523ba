namespace Okr.Cli;

/// <summary>What <c>okr --help</c> and <c>okr COMMAND --help</c> print.</summary>
internal static class HelpText
{
    public const string Main = """
        okr - score and validate OKR documents (okr/v1 JSON), e.g. in CI.

        Usage:
          okr init [FILE]                                   write a starter document (default okr.json)
          okr score FILE [--as-of YYYY-MM-DD] [--format text|json]
                                                            scores, grades and statuses, then findings
          okr validate FILE [--as-of YYYY-MM-DD] [--format text|json]
                                                            findings only
          okr rules [--format text|json]                    the catalogue of quality rules
          okr COMMAND --help                                help for one command
          okr --version

        FILE may be - to read the document from standard input.
        Exit codes: 0 no errors (warnings allowed), 1 the document has errors, 2 wrong usage or unreadable file.
        --as-of defaults to today (local time); --format defaults to text.

        Try:  okr init && okr score okr.json
        Docs: docs/okr-command.md, docs/document-format.md, docs/rules.md

        """;

    public const string Score = """
        okr score FILE [--as-of YYYY-MM-DD] [--format text|json]

        Evaluates the document as of the end of the given day (default: today) and prints every objective and key
        result with score, grade, status and a progress bar (text), or the okr-report/v1 object (json), then every
        finding. When the document has errors, no objectives are printed, only the findings, and the exit code is 1.

        Examples:
          okr score okr.json
          okr score okr.json --as-of 2026-11-15 --format json

        """;

    public const string Validate = """
        okr validate FILE [--as-of YYYY-MM-DD] [--format text|json]

        Prints the findings only: errors (OKR001-OKR009) and quality findings (OKR101-OKR207, computed as of the day
        when the document has no errors). The json form is the okr-report/v1 object with an empty objectives list.
        Exit code 1 when any finding is an error, so CI fails on broken OKRs.

        """;

    public const string Rules = """
        okr rules [--format text|json]

        Lists the quality rules: code, default severity, title and help. Change a severity or turn a rule off in the
        document: "settings": {"rules": {"OKR201": "off"}}.

        """;

    public const string Init = """
        okr init [FILE]

        Writes a starter okr/v1 document (default okr.json) that scores cleanly; it never overwrites a file.

        """;

    public static string? For(string command) => command switch
    {
        "score" => Score,
        "validate" => Validate,
        "rules" => Rules,
        "init" => Init,
        _ => null,
    };
}
