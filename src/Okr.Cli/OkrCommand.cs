using System.Globalization;
using System.Text;
using Okr.Core;
using Okr.Core.Documents;
using Okr.Core.Validation;

namespace Okr.Cli;

/// <summary>
/// The <c>okr</c> command: <c>score</c>, <c>validate</c>, <c>rules</c> and <c>init</c>. Results go to standard
/// output and nothing else does; usage and file errors go to standard error. Exit codes: 0 no errors, 1 the
/// document has errors, 2 wrong usage or unreadable file.
/// </summary>
internal static class OkrCommand
{
    public const int Ok = 0;
    public const int DocumentHasErrors = 1;
    public const int UsageError = 2;

    /// <summary>The largest document read (bigger files are refused with exit code 2 rather than exhausting memory).</summary>
    public const long MaxFileBytes = 512L * 1024 * 1024;

    public static int Run(string[] args, Stream stdout, TextWriter stderr, TimeProvider clock, bool outputRedirected)
        => Run(args, Console.OpenStandardInput, stdout, stderr, clock, outputRedirected);

    public static int Run(string[] args, Func<Stream> stdin, Stream stdout, TextWriter stderr, TimeProvider clock, bool outputRedirected)
    {
        ArgumentNullException.ThrowIfNull(args);
        try
        {
            return Dispatch(args, stdin, stdout, stderr, clock, outputRedirected);
        }
        catch (IOException ex)
        {
            stderr.WriteLine($"okr: {ex.Message}");
            return UsageError;
        }
    }

    private static int Dispatch(string[] args, Func<Stream> stdin, Stream stdout, TextWriter stderr, TimeProvider clock, bool outputRedirected)
    {
        if (args.Length == 0)
        {
            stderr.Write(HelpText.Main);
            return UsageError;
        }

        if (args[0] is "-h" or "--help" or "help")
        {
            var topic = args.Length > 1 && args[0] == "help" ? args[1] : null;
            WriteText(stdout, topic is null ? HelpText.Main : HelpText.For(topic) ?? HelpText.Main);
            return Ok;
        }

        if (args[0] is "--version" or "-v")
        {
            WriteText(stdout, $"okr {typeof(OkrCommand).Assembly.GetName().Version?.ToString(3)}{Environment.NewLine}");
            return Ok;
        }

        var command = args[0];
        var parsed = CommandLine.Parse(args.AsSpan(1));
        if (parsed.Help)
        {
            WriteText(stdout, HelpText.For(command) ?? HelpText.Main);
            return Ok;
        }

        if (parsed.Error is { } error)
        {
            return Usage(stderr, command, error);
        }

        return command switch
        {
            "score" => Analyze(parsed, stdin, stdout, stderr, clock, outputRedirected, includeObjectives: true),
            "validate" => Analyze(parsed, stdin, stdout, stderr, clock, outputRedirected, includeObjectives: false),
            "rules" => Rules(parsed, stdout, stderr, outputRedirected),
            "init" => Init(parsed, stdout, stderr, clock),
            _ => Usage(stderr, null, $"unknown command '{command}'"),
        };
    }

    private static int Analyze(CommandLine parsed, Func<Stream> stdin, Stream stdout, TextWriter stderr, TimeProvider clock, bool outputRedirected, bool includeObjectives)
    {
        var command = includeObjectives ? "score" : "validate";
        if (parsed.Files.Count != 1)
        {
            return Usage(stderr, command, parsed.Files.Count == 0 ? "missing FILE" : $"one FILE expected, got {parsed.Files.Count}");
        }

        if (parsed.Format is not ("text" or "json"))
        {
            return Usage(stderr, command, $"--format is '{parsed.Format}': use json or text");
        }

        var asOf = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        if (parsed.AsOf is { } asOfText && !DateOnly.TryParseExact(asOfText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out asOf))
        {
            return Usage(stderr, command, $"--as-of is '{asOfText}': write a real day as YYYY-MM-DD");
        }

        if (!TryRead(parsed.Files[0], stdin, stderr, out var bytes, out var mapped))
        {
            return UsageError;
        }

        // What is read now lives until the command ends: collecting it meanwhile would only copy it around.
        using var noCollections = NoCollectionRegion.TryStart(bytes.Length);
        (OkrSet? Set, List<OkrDiagnostic> Findings) read;
        using (mapped)
        {
            // Everything read from the document is copied out of it (strings, numbers), so the mapping can go before
            // compiling: its pages then no longer count toward the command's peak memory.
            read = OkrDocument.ReadForEvaluation(bytes);
            bytes = default; // it may point into the mapping
        }

        var evaluated = OkrDocument.Evaluate(read, asOf);

        var validator = OkrValidator.Default;
        Func<ValueArray<OkrDiagnostic>>? startedRules = null;
        if (includeObjectives && evaluated.Evaluation is { } evaluation && Environment.ProcessorCount > 1 && !validator.MayReportErrors(evaluation.Settings))
        {
            // The rules cannot give the document errors (an error would leave the objectives out of the report), so
            // its objectives are reported whatever the rules find: they run on another core while this one writes
            // the objectives (JSON, or the plain redirected text when its tree is plain), then this one joins the
            // rules still to run, and the findings follow.
            var shared = validator.Share(evaluation);
            var helper = Task.Run(shared.Join);
            ValueArray<OkrDiagnostic>? findings = null;
            ValueArray<OkrDiagnostic> Findings()
            {
                if (findings is null)
                {
                    shared.Join();
                    helper.GetAwaiter().GetResult();
                    findings = shared.Findings();
                }

                return findings.Value;
            }

            startedRules = Findings;
            if (parsed.Format == "json")
            {
                OkrReport.Write(asOf, evaluation, Findings, stdout);
                stdout.Write("\n"u8);
                stdout.Flush();
                return Findings().Any(d => d.Severity == OkrSeverity.Error) ? DocumentHasErrors : Ok;
            }

            if (outputRedirected)
            {
                PlainTextReport.Write(asOf, evaluation, Findings, stdout);
                return Findings().Any(d => d.Severity == OkrSeverity.Error) ? DocumentHasErrors : Ok;
            }
        }

        // Otherwise the report is written once the findings are known (those of the rules started above, if any).
        var analysis = evaluated.Evaluation is { } evaluationAlone
            ? new DocumentAnalysis(asOf, evaluated.Set, evaluationAlone, startedRules?.Invoke() ?? validator.Validate(evaluationAlone).Findings)
            : evaluated;
        if (parsed.Format == "json")
        {
            OkrReport.Write(analysis, stdout, includeObjectives);
            stdout.Write("\n"u8);
            stdout.Flush();
        }
        else
        {
            TextReport.Write(analysis, includeObjectives, stdout, outputRedirected);
        }

        return analysis.HasErrors ? DocumentHasErrors : Ok;
    }

    private static int Rules(CommandLine parsed, Stream stdout, TextWriter stderr, bool outputRedirected)
    {
        if (parsed.Files.Count > 0 || parsed.AsOf is not null)
        {
            return Usage(stderr, "rules", "rules takes no FILE or --as-of");
        }

        if (parsed.Format is not ("text" or "json"))
        {
            return Usage(stderr, "rules", $"--format is '{parsed.Format}': use json or text");
        }

        TextReport.WriteCatalogue(OkrValidator.Default.Catalogue, parsed.Format == "json", stdout, outputRedirected);
        return Ok;
    }

    private static int Init(CommandLine parsed, Stream stdout, TextWriter stderr, TimeProvider clock)
    {
        if (parsed.Files.Count > 1 || parsed.AsOf is not null || parsed.FormatGiven)
        {
            return Usage(stderr, "init", "init takes at most one FILE and no options");
        }

        var path = parsed.Files.Count == 1 ? parsed.Files[0] : "okr.json";
        if (string.IsNullOrWhiteSpace(path))
        {
            return Usage(stderr, "init", "FILE is empty: give a file name such as okr.json");
        }

        if (File.Exists(path) || Directory.Exists(path))
        {
            stderr.WriteLine($"okr: '{path}' already exists; choose another name (okr init FILE) or remove it.");
            return UsageError;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null && !Directory.Exists(folder))
        {
            stderr.WriteLine(File.Exists(folder)
                ? $"okr: cannot write '{path}': '{folder}' is a file, not a folder; give another path."
                : $"okr: cannot write '{path}': the folder '{folder}' does not exist; create it first or give another path.");
            return UsageError;
        }

        var starter = Encoding.UTF8.GetBytes(StarterDocument.For(DateOnly.FromDateTime(clock.GetLocalNow().DateTime)));
        var created = false;
        try
        {
            // CreateNew: a file that appeared since the check above is not overwritten.
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            created = true;
            file.Write(starter);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (created)
            {
                // A disk that filled up mid-write: no half-written starter is left behind.
                File.Delete(path);
            }

            stderr.WriteLine($"okr: cannot write '{path}': {ex.Message}");
            return UsageError;
        }

        WriteText(stdout, $"Wrote {path}. Next: okr score {path}{Environment.NewLine}");
        return Ok;
    }

    /// <summary>Reads FILE, or standard input when FILE is "-"; a large file is mapped (<paramref name="mapped"/>, to dispose) rather than copied.</summary>
    private static bool TryRead(string path, Func<Stream> stdin, TextWriter stderr, out ReadOnlyMemory<byte> bytes, out MappedFile? mapped)
    {
        bytes = default;
        mapped = null;
        if (path == "-")
        {
            using var input = stdin();
            var copied = TryCopy(input, "standard input", stderr, out var array);
            bytes = array;
            return copied;
        }

        if (Directory.Exists(path))
        {
            stderr.WriteLine($"okr: '{path}' is a directory; give the path of an okr/v1 JSON file.");
            return false;
        }

        if (!File.Exists(path))
        {
            stderr.WriteLine($"okr: '{path}' does not exist; give the path of an okr/v1 JSON file (okr init writes a starter).");
            return false;
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            if (stream.CanSeek && stream.Length > MaxFileBytes)
            {
                stderr.WriteLine($"okr: '{path}' is {stream.Length / (1024 * 1024)} MiB; documents of more than {MaxFileBytes / (1024 * 1024)} MiB are not read.");
                return false;
            }

            if (stream.CanSeek && stream.Length >= MappedFile.MinBytes)
            {
                mapped = new MappedFile(stream);
                bytes = mapped.Memory;
                return true;
            }

            if (stream.CanSeek && stream.Length > 0)
            {
                // One array of the file's size: a document is not copied through a growing buffer.
                var array = GC.AllocateUninitializedArray<byte>((int)stream.Length);
                stream.ReadExactly(array);
                bytes = array;
                return true;
            }

            var copied = TryCopy(stream, path, stderr, out var read);
            bytes = read;
            return copied;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            ((IDisposable?)mapped)?.Dispose();
            mapped = null;
            stderr.WriteLine($"okr: cannot read '{path}': {ex.Message}");
            return false;
        }
    }

    private static bool TryCopy(Stream input, string name, TextWriter stderr, out byte[] bytes)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = input.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > MaxFileBytes)
            {
                stderr.WriteLine($"okr: {name} is larger than {MaxFileBytes / (1024 * 1024)} MiB; documents that large are not read.");
                bytes = [];
                return false;
            }

            buffer.Write(chunk, 0, read);
        }

        bytes = buffer.ToArray();
        return true;
    }

    private static int Usage(TextWriter stderr, string? command, string problem)
    {
        stderr.WriteLine($"okr: {problem}.");
        stderr.WriteLine(command is null ? "Run 'okr --help' for the commands." : $"Run 'okr {command} --help' for its usage.");
        return UsageError;
    }

    private static void WriteText(Stream stdout, string text)
    {
        stdout.Write(Encoding.UTF8.GetBytes(text));
        stdout.Flush();
    }
}
