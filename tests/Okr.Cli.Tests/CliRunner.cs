using System.Text;

namespace Okr.Cli.Tests;

/// <summary>Runs the okr command in-process with a fixed clock and captures its output.</summary>
internal static class CliRunner
{
    public static readonly DateOnly Today = new(2026, 11, 15);

    public static CliResult Run(params string[] args) => Run(outputRedirected: true, args);

    public static CliResult Run(bool outputRedirected, params string[] args) => RunWithInput([], outputRedirected, args);

    public static CliResult RunWithInput(byte[] stdin, bool outputRedirected, params string[] args)
    {
        using var stdout = new MemoryStream();
        using var stderr = new StringWriter();
        var code = OkrCommand.Run(args, () => new MemoryStream(stdin), stdout, stderr, new FixedClock(Today), outputRedirected);
        return new CliResult(code, Encoding.UTF8.GetString(stdout.ToArray()), stderr.ToString());
    }

    public static string DocumentPath(string name) => Path.Combine(AppContext.BaseDirectory, "Documents", name);

    private sealed class FixedClock(DateOnly today) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }
}

internal sealed record CliResult(int ExitCode, string Stdout, string Stderr);

/// <summary>A scratch folder deleted at the end of a test.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "okr-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name, string content)
    {
        var path = System.IO.Path.Combine(Path, name);
        System.IO.File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    public string File(string name, byte[] content)
    {
        var path = System.IO.Path.Combine(Path, name);
        System.IO.File.WriteAllBytes(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
