using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Okr.Core;
using Okr.Core.Events;

namespace Okr.Persistence.Sqlite.Tests;

/// <summary>A database file in its own temporary folder, removed afterwards.</summary>
internal sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Folder = Path.Combine(Path.GetTempPath(), "okr-sqlite-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        FilePath = Path.Combine(Folder, "okr.db");
    }

    public string Folder { get; }

    public string FilePath { get; }

    public string ConnectionString => $"Data Source={FilePath}";

    public SqliteOkrSetRepository NewRepository(string extra = "") => new(ConnectionString + extra);

    public long Scalar(string sql)
    {
        using var connection = new SqliteConnection(ConnectionString + ";Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public void Execute(string sql)
    {
        using var connection = new SqliteConnection(ConnectionString + ";Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

internal static class Data
{
    public static DateOnly D(string day) => DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly Mid { get; } = D("2026-11-15");

    public static Period Q4 { get; } = Period.Create("2026-Q4", D("2026-10-01"), D("2026-12-31"));

    public static CheckIn C(string day, decimal value, int? confidence = null, string? note = null) => new(D(day), value, confidence, note);

    /// <summary>A set that uses most of okr/v1: settings with a custom scale, owners with parents, alignments, every kind, check-ins with confidence and notes.</summary>
    public static OkrSet Full()
    {
        var settings = OkrSettings.Create(o =>
        {
            o.Scale = GradingScale.Create(new GradeBand(0, "behind"), new GradeBand(0.4, "moving"), new GradeBand(0.8, "done"));
            o.StaleAfterDays = 10;
            o.Rules["OKR201"] = RuleSeverity.Off;
        });
        var company = new Objective(
            "o-company",
            "Be the bakery people love",
            "acme",
            "2026-Q4",
            [KeyResult.Create("kr-revenue", "Revenue", KeyResultDefinition.RollupSum(0, 100_000))],
            Commitment.Committed,
            ProgressSource.Both);
        var team = new Objective(
            "o-team",
            "Delight morning customers",
            "bakers",
            "2026-Q4",
            [
                KeyResult.Create("kr-sales", "Morning sales", KeyResultDefinition.Increase(10_000, 40_000), 2, [C("2026-10-15", 15_000.50m, 7, "good start"), C("2026-11-01", 21_000m)], [AlignmentLink.ToKeyResult("kr-revenue")]),
                KeyResult.Create("kr-wait", "Wait time", KeyResultDefinition.Decrease(12, 4), 1, [C("2026-11-02", 9, 5)]),
                KeyResult.Create("kr-fresh", "Freshness", KeyResultDefinition.AtLeast(95), 1, [C("2026-11-03", 96)]),
                KeyResult.Create("kr-waste", "Waste", KeyResultDefinition.AtMost(3)),
                KeyResult.Create("kr-temp", "Oven temperature", KeyResultDefinition.Within(180, 220), 0.5, [C("2026-11-04", 200)]),
                KeyResult.Create("kr-app", "App live", KeyResultDefinition.Milestone(), 1, [C("2026-11-05", 1)]),
                KeyResult.Create("kr-steps", "Steps", KeyResultDefinition.Checklist(new ChecklistItem("a", 1, D("2026-10-20")), new ChecklistItem("b", 2))),
            ],
            alignsTo: [AlignmentLink.ToObjective("o-company", 2)]);
        return new OkrSet([Q4, Period.Create("2026-Q3", D("2026-07-01"), D("2026-09-30"))], [new Owner("acme", "Acme Bakery"), new Owner("bakers", parentId: "acme")], [company, team], settings);
    }

    /// <summary>Two objectives of four increase key results each (kr-0 .. kr-7), 0 -> 1000, no check-ins.</summary>
    public static OkrSet Wide() => new(
        [Q4],
        [new Owner("acme")],
        Enumerable.Range(0, 2).Select(o => new Objective(
            $"o-{o}",
            $"Objective {o}",
            "acme",
            "2026-Q4",
            Enumerable.Range(o * 4, 4).Select(k => KeyResult.Create($"kr-{k}", $"Key result {k}", KeyResultDefinition.Increase(0, 1000))))));
}

internal sealed class RecordingSink : IOkrEventSink
{
    private readonly ConcurrentQueue<OkrEvent> _events = new();

    public IReadOnlyList<OkrEvent> Events => [.. _events];

    public Task HandleAsync(OkrEvent okrEvent, CancellationToken cancellationToken = default)
    {
        _events.Enqueue(okrEvent);
        return Task.CompletedTask;
    }
}

internal sealed class ThrowingSink : IOkrEventSink
{
    public Task HandleAsync(OkrEvent okrEvent, CancellationToken cancellationToken = default) => throw new InvalidOperationException("process died before delivery");
}

/// <summary>Takes an exclusive lock on the database when it handles its first event and keeps it until released.</summary>
internal sealed class LockingSink(string connectionString) : IOkrEventSink, IDisposable
{
    private SqliteConnection? _holder;

    public Task HandleAsync(OkrEvent okrEvent, CancellationToken cancellationToken = default)
    {
        if (_holder is null)
        {
            _holder = new SqliteConnection(connectionString + ";Pooling=False");
            _holder.Open();
            using var begin = _holder.CreateCommand();
            begin.CommandText = "BEGIN EXCLUSIVE;";
            begin.ExecuteNonQuery();
        }

        return Task.CompletedTask;
    }

    public void Release()
    {
        _holder?.Dispose();
        _holder = null;
    }

    public void Dispose() => Release();
}

internal sealed class FixedTimeProvider(DateOnly day) : TimeProvider
{
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override DateTimeOffset GetUtcNow() => new(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
}
