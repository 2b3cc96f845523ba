using Microsoft.Data.Sqlite;
using Okr.Core;
using Okr.Core.Documents;
using Okr.Core.Events;
using Okr.Core.Persistence;
using static Okr.Persistence.Sqlite.Tests.Data;

namespace Okr.Persistence.Sqlite.Tests;

public sealed class SqliteOkrSetRepositoryTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task EnsureSchemaAsync_FreshFile_CreatesTablesAndRecordsMigration()
    {
        Assert.Equal(1, await _db.NewRepository().EnsureSchemaAsync());
        Assert.True(File.Exists(_db.FilePath));
        Assert.Equal(1, _db.Scalar("SELECT COUNT(*) FROM okr_schema_migrations WHERE version = 1"));
        Assert.Equal(3, _db.Scalar("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('okr_sets', 'okr_check_ins', 'okr_outbox')"));
    }

    [Fact]
    public async Task EnsureSchemaAsync_SecondInstance_AppliesNothingTwice()
    {
        await _db.NewRepository().EnsureSchemaAsync();
        await _db.NewRepository().EnsureSchemaAsync();
        Assert.Equal(1, _db.Scalar("SELECT COUNT(*) FROM okr_schema_migrations"));
    }

    [Fact]
    public async Task EnsureSchemaAsync_NewerSchema_ThrowsClearError()
    {
        await _db.NewRepository().EnsureSchemaAsync();
        _db.Execute("INSERT INTO okr_schema_migrations (version, description) VALUES (99, 'from the future')");
        var e = await Assert.ThrowsAsync<OkrStoreException>(() => _db.NewRepository().EnsureSchemaAsync());
        Assert.Contains("newer", e.Message, StringComparison.Ordinal);
        Assert.Contains(_db.FilePath, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveAsync_FullSet_RoundTripsThroughANewInstance()
    {
        var set = Full();
        var lifecycle = OkrLifecycle.AllActive(set).WithState("o-company", ObjectiveState.Draft).TryClosePeriod(set, "2026-Q3").AsT0;
        var saved = (await _db.NewRepository().SaveAsync("acme", "2026", set, lifecycle, 0, [])).AsT0;

        var stored = await _db.NewRepository().GetAsync("acme", "2026");
        Assert.NotNull(stored);
        Assert.Equal(saved.Version, stored.Version);
        Assert.Equal(OkrDocument.Write(set), OkrDocument.Write(stored.Set));
        Assert.Equal(set, stored.Set);
        Assert.Equal(lifecycle, stored.Lifecycle);
        Assert.Equal(set.Evaluate(Mid).ScoreOf("o-company"), stored.Set.Evaluate(Mid).ScoreOf("o-company"));
        Assert.Equal("moving", stored.Set.Evaluate(Mid).Objective("o-team").Grade);
    }

    [Fact]
    public async Task AppendCheckInAsync_StoredAsRow_ReadBackWithScaleConfidenceAndNote()
    {
        IOkrSetRepository repository = _db.NewRepository();
        await repository.SaveAsync("acme", "2026", Full(), OkrLifecycle.Empty, 0, []);
        var saved = (await repository.AppendCheckInAsync("acme", "2026", new KeyResultCheckIn("kr-wait", C("2026-11-10", 7.50m, 9, "new oven")), 1, [])).AsT0;
        Assert.Equal(2, saved.Version);
        Assert.Equal(1, _db.Scalar("SELECT COUNT(*) FROM okr_check_ins"));

        var stored = await _db.NewRepository().GetAsync("acme", "2026");
        var last = stored!.Set.Objectives[1].KeyResults[1].CheckIns[^1];
        Assert.Equal((D("2026-11-10"), "7.50", (int?)9, "new oven"), (last.At, last.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), last.Confidence, last.Note));
        Assert.Equal(2, stored.Version);
    }

    [Fact]
    public async Task SaveAsync_AfterAppends_FoldsCheckInsIntoTheDocument()
    {
        IOkrSetRepository repository = _db.NewRepository();
        await repository.SaveAsync("acme", "2026", Full(), OkrLifecycle.Empty, 0, []);
        await repository.AppendCheckInAsync("acme", "2026", new KeyResultCheckIn("kr-wait", C("2026-11-10", 7)), 1, []);
        var read = await repository.GetAsync("acme", "2026");
        await repository.SaveAsync("acme", "2026", read!.Set, OkrLifecycle.AllActive(read.Set), 2, []);

        Assert.Equal(0, _db.Scalar("SELECT COUNT(*) FROM okr_check_ins"));
        var stored = await _db.NewRepository().GetAsync("acme", "2026");
        Assert.Equal(read.Set, stored!.Set);
        Assert.Equal(3, stored.Version);
    }

    [Fact]
    public async Task SaveAsync_StaleVersion_Okr301AndWritesNothing()
    {
        var repository = _db.NewRepository();
        await repository.SaveAsync("acme", "2026", Full(), OkrLifecycle.Empty, 0, []);
        await repository.SaveAsync("acme", "2026", Full(), OkrLifecycle.AllActive(Full()), 1, []);
        var stale = await repository.SaveAsync("acme", "2026", Wide(), OkrLifecycle.Empty, 1, [new ObjectiveAchieved("acme", "2026", 2, Mid, "o-team")]);

        Assert.True(stale.AsT1.IsVersionConflict());
        Assert.Equal(0, _db.Scalar("SELECT COUNT(*) FROM okr_outbox"));
        var stored = await _db.NewRepository().GetAsync("acme", "2026");
        Assert.Equal((2L, Full()), (stored!.Version, stored.Set));
    }

    [Fact]
    public async Task AppendCheckInAsync_StaleVersionOrMissingSet_ReturnsErrorAndWritesNothing()
    {
        IOkrSetRepository repository = _db.NewRepository();
        await repository.SaveAsync("acme", "2026", Full(), OkrLifecycle.Empty, 0, []);
        var checkIn = new KeyResultCheckIn("kr-wait", C("2026-11-10", 7));
        Assert.Equal(OkrPersistenceCodes.VersionConflict, (await repository.AppendCheckInAsync("acme", "2026", checkIn, 5, [])).AsT1[0].Code);
        Assert.Equal(OkrPersistenceCodes.SetNotFound, (await repository.AppendCheckInAsync("acme", "nope", checkIn, 1, [])).AsT1[0].Code);
        Assert.Equal(0, _db.Scalar("SELECT COUNT(*) FROM okr_check_ins"));
    }

    [Fact]
    public async Task SaveAsync_CreateTwice_Okr301()
    {
        var repository = _db.NewRepository();
        await repository.SaveAsync("acme", "2026", Full(), OkrLifecycle.Empty, 0, []);
        Assert.Equal(OkrPersistenceCodes.VersionConflict, (await repository.SaveAsync("acme", "2026", Full(), OkrLifecycle.Empty, 0, [])).AsT1[0].Code);
    }

    [Fact]
    public async Task SaveAsync_HostRuleSeverityOkrV1CannotHold_Okr009AndStoresNothing()
    {
        var set = Wide().WithSettings(OkrSettings.Create(o => o.Rules["ACME001"] = RuleSeverity.Error));
        var result = await _db.NewRepository().SaveAsync("acme", "2026", set, OkrLifecycle.Empty, 0, []);
        Assert.Equal(OkrCodes.InvalidSettings, result.AsT1[0].Code);
        Assert.Contains("ACME001", result.AsT1[0].Message, StringComparison.Ordinal);
        Assert.Null(await _db.NewRepository().GetAsync("acme", "2026"));
    }

    [Fact]
    public async Task GetAsync_Unknown_ReturnsNull() => Assert.Null(await _db.NewRepository().GetAsync("acme", "nothing"));

    [Fact]
    public async Task TwoTenants_SameSetId_StayApart()
    {
        IOkrSetRepository repository = _db.NewRepository();
        await repository.SaveAsync("acme", "okrs", Full(), OkrLifecycle.Empty, 0, []);
        await repository.SaveAsync("globex", "okrs", Wide(), OkrLifecycle.Empty, 0, []);
        await repository.AppendCheckInAsync("globex", "okrs", new KeyResultCheckIn("kr-3", C("2026-11-01", 10)), 1, []);

        var fresh = _db.NewRepository();
        var acme = await fresh.GetAsync("acme", "okrs");
        var globex = await fresh.GetAsync("globex", "okrs");
        Assert.Equal((1L, Full()), (acme!.Version, acme.Set));
        Assert.Equal(2, globex!.Version);
        Assert.Single(globex.Set.Objectives[0].KeyResults[3].CheckIns);

        // acme's check-in on a key result only globex has is unknown to acme's set and is not applied to globex's.
        Assert.Equal(OkrCodes.UnknownReference, (await repository.AppendCheckInAsync("acme", "okrs", new KeyResultCheckIn("kr-3", C("2026-11-01", 10)), 1, [])).AsT1[0].Code);
        Assert.Equal(OkrPersistenceCodes.VersionConflict, (await repository.SaveAsync("acme", "okrs", Wide(), OkrLifecycle.Empty, 2, [])).AsT1[0].Code);
        Assert.Equal(Full(), (await _db.NewRepository().GetAsync("acme", "okrs"))!.Set);
        Assert.Null(await fresh.GetAsync("initech", "okrs"));
    }

    [Fact]
    public async Task Outbox_EveryEventTypeRoundTrips()
    {
        OkrEvent[] events =
        [
            new CheckInRecorded("acme", "2026", 1, Mid, "o-team", "kr-wait", D("2026-11-10"), 7.25m, null),
            new KeyResultStatusChanged("acme", "2026", 1, Mid, "o-team", "kr-wait", OkrStatus.OnTrack, OkrStatus.AtRisk, 0.1, null),
            new ObjectiveStatusChanged("acme", "2026", 1, Mid, "o-team", OkrStatus.Pending, OkrStatus.OffTrack, null, 0.123456789),
            new KeyResultAchieved("acme", "2026", 1, Mid, "o-team", "kr-app"),
            new ObjectiveAchieved("acme", "2026", 1, Mid, "o-team"),
            new ObjectiveStateChanged("acme", "2026", 1, Mid, "o-team", ObjectiveState.Active, ObjectiveState.Closed),
            new PeriodClosed("acme", "2026", 1, D("2027-01-01"), "2026-Q4", [new ObjectiveFinalGrade("o-team", 0.75, "moving", true), new ObjectiveFinalGrade("o-company", null, null, false)]),
            new CheckInsOverdue("acme", "2026", 1, Mid, [new OverdueKeyResult("o-team", "kr-waste", null, 45)]),
        ];
        await _db.NewRepository().SaveAsync("acme", "2026", Full(), OkrLifecycle.Empty, 0, events);

        var pending = await _db.NewRepository().GetPendingEventsAsync(0, 100);
        Assert.Equal(events, pending.Select(p => p.Event));
        Assert.True(pending.Select(p => p.Id).SequenceEqual(pending.Select(p => p.Id).Order()));
    }

    [Fact]
    public async Task GetAsync_DamagedDocument_ThrowsCorruptNamingTheSet()
    {
        await _db.NewRepository().SaveAsync("acme", "2026", Full(), OkrLifecycle.Empty, 0, []);
        _db.Execute("UPDATE okr_sets SET document = '{\"schema\": \"okr/v1\"'");
        var e = await Assert.ThrowsAsync<OkrStoreException>(() => _db.NewRepository().GetAsync("acme", "2026"));
        Assert.Equal(OkrStoreFailure.Corrupt, e.Failure);
        Assert.Contains("'2026'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GarbageFile_ThrowsCorruptWithThePath()
    {
        await File.WriteAllBytesAsync(_db.FilePath, [.. Enumerable.Range(0, 8192).Select(i => (byte)((i * 37) + 11))]);
        var e = await Assert.ThrowsAsync<OkrStoreException>(() => _db.NewRepository().GetAsync("acme", "2026"));
        Assert.Equal(OkrStoreFailure.Corrupt, e.Failure);
        Assert.Contains(_db.FilePath, e.Message, StringComparison.Ordinal);
        Assert.Contains("not an OKR database", e.Message, StringComparison.Ordinal);
        Assert.IsType<SqliteException>(e.InnerException);
    }

    [Fact]
    public async Task LockedDatabase_ShortBusyTimeout_ThrowsLockedAndWritesNothing()
    {
        var repository = _db.NewRepository(";Default Timeout=1");
        await repository.SaveAsync("acme", "2026", Full(), OkrLifecycle.Empty, 0, []);
        using (var holder = new SqliteConnection(_db.ConnectionString + ";Pooling=False"))
        {
            holder.Open();
            using var begin = holder.CreateCommand();
            begin.CommandText = "BEGIN EXCLUSIVE;";
            begin.ExecuteNonQuery();

            var e = await Assert.ThrowsAsync<OkrStoreException>(() => repository.SaveAsync("acme", "2026", Wide(), OkrLifecycle.Empty, 1, []));
            Assert.Equal(OkrStoreFailure.Locked, e.Failure);
            Assert.Contains(_db.FilePath, e.Message, StringComparison.Ordinal);
            Assert.Contains("locked", e.Message, StringComparison.Ordinal);
            Assert.Contains("nothing was written", e.Message, StringComparison.Ordinal);
        }

        Assert.Equal((1L, Full()), ((await repository.GetAsync("acme", "2026"))!.Version, (await repository.GetAsync("acme", "2026"))!.Set));
    }

    [Fact]
    public async Task EnsureSchemaAsync_GarbageFile_ThrowsCorruptLikeEveryOtherCall()
    {
        // The call a host makes at start-up or in a health check: it must not leak the driver's exception type.
        await File.WriteAllBytesAsync(_db.FilePath, [.. Enumerable.Range(0, 8192).Select(i => (byte)((i * 37) + 11))]);

        var e = await Assert.ThrowsAsync<OkrStoreException>(() => _db.NewRepository().EnsureSchemaAsync());

        Assert.Equal(OkrStoreFailure.Corrupt, e.Failure);
        Assert.Contains(_db.FilePath, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnsureSchemaAsync_FolderMissing_ThrowsUnavailable()
    {
        var repository = new SqliteOkrSetRepository($"Data Source={Path.Combine(_db.Folder, "no-such-folder", "okr.db")}");

        var e = await Assert.ThrowsAsync<OkrStoreException>(() => repository.EnsureSchemaAsync());

        Assert.Equal(OkrStoreFailure.Unavailable, e.Failure);
        Assert.Contains("the schema was not created or migrated", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Data Source=:memory:")]
    [InlineData("Data Source=:memory:;Cache=Shared")]
    [InlineData("Data Source=")]
    [InlineData("Data Source=okr;Mode=Memory")]
    [InlineData("Data Source=file::memory:")]
    [InlineData("Data Source=file:okr?mode=memory")]
    [InlineData("Data Source=file:okr?mode=memory;Password=hunter2")]
    public void Constructor_DatabasePrivateToEachConnection_ThrowsSayingWhy(string connectionString)
    {
        var ex = Assert.Throws<ArgumentException>(() => new SqliteOkrSetRepository(connectionString));
        Assert.Contains("gives each connection a database of its own", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Data Source=okr;Mode=Memory;Cache=Shared")]
    [InlineData("Data Source=file:okr?mode=memory&cache=shared")]
    [InlineData("Data Source=file::memory:?cache=shared")]
    public void Constructor_SharedInMemoryDatabase_IsAccepted(string connectionString)
    {
        using var repository = new SqliteOkrSetRepository(connectionString);
        Assert.NotEmpty(repository.DataSource);
    }

    [Fact]
    public async Task SaveAsync_EventThatCannotBeReadBack_ThrowsArgumentExceptionAndWritesNothing()
    {
        var repository = _db.NewRepository();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => repository.SaveAsync("acme", "2026", Wide(), OkrLifecycle.Empty, 0, [new OneWayEvent("acme", "2026", 1, Mid, "kept nowhere")]));

        Assert.StartsWith("events[0] (OneWayEvent) would be stored in the outbox but could not be read back: its payload does not fit the type", ex.Message, StringComparison.Ordinal);
        Assert.Null(await repository.GetAsync("acme", "2026"));
    }

    [Fact]
    public async Task SharedInMemoryDatabase_Works()
    {
        var name = $"Data Source=okr-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
        using var keepAlive = new SqliteConnection(name);
        keepAlive.Open();
        var repository = new SqliteOkrSetRepository(name);

        await repository.SaveAsync("acme", "2026", Wide(), OkrLifecycle.Empty, 0, []);

        Assert.Equal(1, (await new SqliteOkrSetRepository(name).GetAsync("acme", "2026"))!.Version);
    }

    [Fact]
    public async Task SaveAsync_EventTheJsonWriterCannotWrite_ThrowsArgumentExceptionAndWritesNothing()
    {
        var repository = _db.NewRepository();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => repository.SaveAsync("acme", "2026", Wide(), OkrLifecycle.Empty, 0, [new UnwritableEvent("acme", "2026", 1, Mid)]));

        Assert.StartsWith("events[0] (UnwritableEvent) cannot be stored in the outbox as JSON", ex.Message, StringComparison.Ordinal);
        Assert.Null(await repository.GetAsync("acme", "2026"));
    }

    [Fact]
    public void Constructor_NotAConnectionString_ThrowsArgumentException()
        => Assert.Throws<ArgumentException>(() => new SqliteOkrSetRepository("Colour=blue"));

    [Fact]
    public void DataSource_IsTheFile() => Assert.Equal(_db.FilePath, _db.NewRepository().DataSource);
}

/// <summary>A host event with a property System.Text.Json refuses to write.</summary>
public sealed record UnwritableEvent(string TenantId, string SetId, long Version, DateOnly AsOf) : OkrEvent(TenantId, SetId, Version, AsOf)
{
    public Type Kind { get; } = typeof(int);
}

/// <summary>A host event with a constructor parameter that matches no property: it can be written but not read back.</summary>
public sealed record OneWayEvent : OkrEvent
{
    public OneWayEvent(string tenantId, string setId, long version, DateOnly asOf, string secret)
        : base(tenantId, setId, version, asOf)
        => Length = secret.Length;

    public int Length { get; }
}
