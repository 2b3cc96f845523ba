namespace Okr.Cli;

/// <summary>The options of one command: FILE arguments, <c>--as-of</c>, <c>--format</c>, <c>--help</c>.</summary>
internal sealed class CommandLine
{
    public List<string> Files { get; } = [];

    public string? AsOf { get; private set; }

    public string Format { get; private set; } = "text";

    public bool FormatGiven { get; private set; }

    public bool Help { get; private set; }

    public string? Error { get; private set; }

    public static CommandLine Parse(ReadOnlySpan<string> args)
    {
        var result = new CommandLine();
        var onlyFiles = false;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (onlyFiles || !arg.StartsWith('-') || arg == "-")
            {
                result.Files.Add(arg);
                continue;
            }

            if (arg == "--")
            {
                onlyFiles = true;
                continue;
            }

            var (name, value) = arg.IndexOf('=', StringComparison.Ordinal) is var eq and > 0 ? (arg[..eq], arg[(eq + 1)..]) : (arg, null);
            switch (name)
            {
                case "-h" or "--help":
                    result.Help = true;
                    break;
                case "--as-of" or "--format":
                    if (value is null)
                    {
                        // The next argument is the value unless it is another option: `--as-of --format json` lacks a
                        // day, it does not name a file.
                        if (i + 1 >= args.Length || (args[i + 1].StartsWith('-') && args[i + 1] != "-"))
                        {
                            result.Error ??= $"{name} needs a value";
                            break;
                        }

                        value = args[++i];
                    }

                    // Given twice, one would silently win: say so instead (a script may have appended a second one).
                    if (name == "--as-of" ? result.AsOf is not null : result.FormatGiven)
                    {
                        result.Error ??= $"{name} is given twice";
                    }
                    else if (name == "--as-of")
                    {
                        result.AsOf = value;
                    }
                    else
                    {
                        result.Format = value;
                        result.FormatGiven = true;
                    }

                    break;
                default:
                    result.Error ??= $"unknown option '{name}'";
                    break;
            }
        }

        return result;
    }
}
