using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Okr.Core;
using Okr.Core.Documents;
using Okr.Core.Events;
using Okr.Core.Persistence;
using OneOf;

namespace Okr.Persistence.Sqlite;

/// <summary>
/// An <see cref="IOkrSetRepository"/> over a SQLite database (Microsoft.Data.Sqlite). It creates and migrates its own
/// schema on first use (recorded in <c>okr_schema_migrations</c>), keeps each tenant's sets as okr/v1 JSON plus lifecycle
/// state, appends check-ins as rows, and writes events to an outbox table in the same transaction as the change they
/// describe, so a committed change never loses its events. Thread-safe; each call uses its own pooled connection.
/// A locked or damaged database file throws <see cref="OkrStoreException"/> with the file named.
/// </summary>
public sealed class SqliteOkrSetRepository : IOkrSetRepository, IDisposable
{
    private const string NothingWritten = "nothing was written";
    private const string NothingRead = "nothing was read";

    private readonly string _connectionString;
    private readonly SemaphoreSlim _schemaLock = new(1, 1);
    private readonly ConcurrentDictionary<(string Tenant, string Set), CacheEntry> _cache = new();
    private volatile bool _schemaReady;
    private volatile bool _disposed;

    /// <summary>A repository over the database of <paramref name="connectionString"/> (e.g. <c>Data Source=okr.db</c>).</summary>
    /// <param name="connectionString">
    /// A Microsoft.Data.Sqlite connection string. <c>Default Timeout</c> (seconds, default 30) is how long a call waits
    /// for another writer's lock before it throws <see cref="OkrStoreException"/> with <see cref="OkrStoreFailure.Locked"/>.
    /// </param>
    public SqliteOkrSetRepository(string connectionString)
    {
        var builder = Parse(connectionString);
        _connectionString = builder.ToString();
        DataSource = builder.DataSource;
    }

    /// <summary>The database file (the connection string's <c>Data Source</c>).</summary>
    public string DataSource { get; }

    /// <summary>The schema version this library creates and migrates to.</summary>
    public static int SchemaVersion => SqliteSchema.LatestVersion;

    /// <summary>Parses a connection string the way the constructor does; throws <see cref="ArgumentException"/> for one it refuses.</summary>
    internal static SqliteConnectionStringBuilder Parse(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"Not a SQLite connection string: {e.Message}", nameof(connectionString), e);
        }

        if (IsPrivateToEachConnection(builder))
        {
            // Each call opens its own connection, and each such connection would see its own empty database.
            throw new ArgumentException(
                $"The data source '{builder.DataSource}' gives each connection a database of its own (in memory or a temporary file), so every call would see an empty store: give a file (Data Source=okr.db), or for tests a shared in-memory one (Data Source=name;Mode=Memory;Cache=Shared).",
                nameof(connectionString));
        }

        return builder;
    }

    /// <summary>
    /// Whether SQLite gives each connection its own database for this data source: <c>:memory:</c> and an empty name always,
    /// and an in-memory database (<c>Mode=Memory</c>, or a <c>file:</c> URI with <c>mode=memory</c> or path <c>:memory:</c>)
    /// unless its cache is shared.
    /// </summary>
    private static bool IsPrivateToEachConnection(SqliteConnectionStringBuilder builder)
    {
        var source = builder.DataSource;
        if (source is ":memory:" or "")
        {
            return true;
        }

        var query = string.Empty;
        var inMemory = builder.Mode == SqliteOpenMode.Memory;
        if (source.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            var mark = source.IndexOf('?', StringComparison.Ordinal);
            var path = mark < 0 ? source[5..] : source[5..mark];
            query = mark < 0 ? string.Empty : source[(mark + 1)..];
            inMemory |= path == ":memory:" || HasParameter(query, "mode=memory");
        }

        return inMemory && builder.Cache != SqliteCacheMode.Shared && !HasParameter(query, "cache=shared");
    }

    private static bool HasParameter(string query, string parameter)
        => query.Split('&').Any(p => string.Equals(p, parameter, StringComparison.OrdinalIgnoreCase));

    /// <summary>Creates or migrates the schema now (otherwise the first call does it); returns the schema version.</summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<int> EnsureSchemaAsync(CancellationToken cancellationToken = default)
    {
        return await RunAsync(
            async () =>
            {
                await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
                return SchemaVersion;
            },
            "the schema was not created or migrated").ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<StoredOkrSet?> GetAsync(string tenantId, string setId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(setId);
        return RunAsync(async () => (await LoadAsync(tenantId, setId, cancellationToken).ConfigureAwait(false))?.Stored, NothingRead);
    }

    /// <inheritdoc />
    public Task<OneOf<SavedOkrSet, OkrErrors>> SaveAsync(
        string tenantId,
        string setId,
        OkrSet set,
        OkrLifecycle lifecycle,
        long expectedVersion,
        IReadOnlyList<OkrEvent> events,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(setId);
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(lifecycle);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        ArgumentNullException.ThrowIfNull(events);
        return RunAsync(() => SaveCoreAsync(tenantId, setId, set, lifecycle, expectedVersion, events, cancellationToken), NothingWritten);
    }

    /// <inheritdoc />
    public Task<OneOf<SavedOkrSet, OkrErrors>> AppendCheckInAsync(
        string tenantId,
        string setId,
        KeyResultCheckIn checkIn,
        long expectedVersion,
        IReadOnlyList<OkrEvent> events,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(setId);
        ArgumentNullException.ThrowIfNull(checkIn);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        ArgumentNullException.ThrowIfNull(events);
        return RunAsync(() => AppendCoreAsync(tenantId, setId, checkIn, expectedVersion, events, cancellationToken), NothingWritten);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<OutboxEntry>> GetPendingEventsAsync(long afterId, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        return RunAsync(() => PendingCoreAsync(afterId, maxCount, cancellationToken), NothingRead);
    }

    /// <inheritdoc />
    public Task MarkDeliveredAsync(long entryId, CancellationToken cancellationToken = default) => RunAsync(
        async () =>
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE okr_outbox SET delivered = 1 WHERE id = $id;";
            command.Parameters.AddWithValue("$id", entryId);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return true;
        },
        $"outbox entry {entryId} was not marked delivered, so it stays pending and its sinks will see it again");

    /// <summary>The number of outbox entries not yet delivered (all tenants).</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    public Task<long> CountPendingEventsAsync(CancellationToken cancellationToken = default) => RunAsync(
        async () =>
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM okr_outbox WHERE delivered = 0;";
            return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        },
        NothingRead);

    private async Task<CacheEntry?> LoadAsync(string tenantId, string setId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction(deferred: true);
        long version, revision;
        string document, lifecycleJson;
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT version, revision, document, lifecycle FROM okr_sets WHERE tenant_id = $tenant AND set_id = $set;";
            command.Parameters.AddWithValue("$tenant", tenantId);
            command.Parameters.AddWithValue("$set", setId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                _cache.TryRemove((tenantId, setId), out _);
                return null;
            }

            version = reader.GetInt64(0);
            revision = reader.GetInt64(1);
            document = reader.GetString(2);
            lifecycleJson = reader.GetString(3);
        }

        _cache.TryGetValue((tenantId, setId), out var cached);
        if (cached is not null && cached.Revision == revision && cached.Stored.Version == version)
        {
            return cached;
        }

        var lifecycle = LifecycleJson.TryRead(lifecycleJson) ?? throw Corrupt($"the lifecycle of set '{setId}' of tenant '{tenantId}' is not valid JSON");
        OkrSet set;
        long afterSeq;
        if (cached is not null && cached.Revision == revision)
        {
            set = cached.Stored.Set;
            afterSeq = cached.LastSeq;
        }
        else
        {
            var read = OkrDocument.TryRead(document);
            if (read.TryPickT1(out var errors, out set))
            {
                throw Corrupt($"the document of set '{setId}' of tenant '{tenantId}' no longer reads: {errors[0]}");
            }

            afterSeq = 0;
        }

        var rows = new List<KeyResultCheckIn>();
        var lastSeq = afterSeq;
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = """
                SELECT seq, key_result_id, at, value, confidence, note FROM okr_check_ins
                WHERE tenant_id = $tenant AND set_id = $set AND seq > $after ORDER BY seq;
                """;
            command.Parameters.AddWithValue("$tenant", tenantId);
            command.Parameters.AddWithValue("$set", setId);
            command.Parameters.AddWithValue("$after", afterSeq);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                lastSeq = reader.GetInt64(0);
                rows.Add(ReadCheckIn(reader, tenantId, setId));
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        if (OkrSetCheckIns.TryAppend(set, rows).TryPickT1(out var appendErrors, out var withCheckIns))
        {
            throw Corrupt($"a stored check-in of set '{setId}' of tenant '{tenantId}' does not fit its key result: {appendErrors[0]}");
        }

        var entry = new CacheEntry(revision, lastSeq, new StoredOkrSet(withCheckIns, lifecycle, version));
        Remember(tenantId, setId, entry);
        return entry;
    }

    private async Task<OneOf<SavedOkrSet, OkrErrors>> SaveCoreAsync(
        string tenantId, string setId, OkrSet set, OkrLifecycle lifecycle, long expectedVersion, IReadOnlyList<OkrEvent> events, CancellationToken cancellationToken)
    {
        var document = OkrDocument.Write(set);
        if (OkrDocument.TryRead(document).TryPickT1(out var unreadable, out var readBack))
        {
            return unreadable;
        }

        if (!readBack.Equals(set))
        {
            // okr/v1 names only the built-in rules in settings.rules; anything it cannot hold would be lost silently.
            var hostRules = set.Settings.Rules.Where(r => !readBack.Settings.Rules.Contains(r)).Select(r => r.Code).ToArray();
            return OkrErrors.Single(
                OkrCodes.InvalidSettings,
                setId,
                hostRules.Length > 0
                    ? $"Set '{setId}' sets the severity of host rule(s) {string.Join(", ", hostRules)} in settings.rules, which an okr/v1 document (how this store keeps sets) cannot hold: configure host rule severities in the host instead. Nothing was written."
                    : $"Set '{setId}' does not survive an okr/v1 round trip, so it cannot be stored without losing data. Nothing was written.");
        }

        var lifecycleJson = LifecycleJson.Write(lifecycle);
        var payloads = Serialize(events);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var current = await ReadVersionAsync(connection, transaction, tenantId, setId, cancellationToken).ConfigureAwait(false);
        if ((current ?? 0) != expectedVersion)
        {
            return OkrRepositoryErrors.Conflict(tenantId, setId, expectedVersion);
        }

        var version = expectedVersion + 1;
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = current is null
                ? "INSERT INTO okr_sets (tenant_id, set_id, version, revision, document, lifecycle) VALUES ($tenant, $set, $version, 1, $document, $lifecycle);"
                : """
                  UPDATE okr_sets SET version = $version, revision = revision + 1, document = $document, lifecycle = $lifecycle
                  WHERE tenant_id = $tenant AND set_id = $set;
                  DELETE FROM okr_check_ins WHERE tenant_id = $tenant AND set_id = $set;
                  """;
            command.Parameters.AddWithValue("$tenant", tenantId);
            command.Parameters.AddWithValue("$set", setId);
            command.Parameters.AddWithValue("$version", version);
            command.Parameters.AddWithValue("$document", document);
            command.Parameters.AddWithValue("$lifecycle", lifecycleJson);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var outbox = await WriteOutboxAsync(connection, transaction, tenantId, setId, version, events, payloads, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        _cache.TryRemove((tenantId, setId), out _);
        return new SavedOkrSet(version, outbox);
    }

    private async Task<OneOf<SavedOkrSet, OkrErrors>> AppendCoreAsync(
        string tenantId, string setId, KeyResultCheckIn checkIn, long expectedVersion, IReadOnlyList<OkrEvent> events, CancellationToken cancellationToken)
    {
        var payloads = Serialize(events);

        // Validate against the set at the expected version (usually cached): if the version moves on meanwhile,
        // the check inside the transaction below turns this into a conflict, so the validation always applied to
        // exactly the set the row is appended to.
        var loaded = await LoadAsync(tenantId, setId, cancellationToken).ConfigureAwait(false);
        if (loaded is null)
        {
            return OkrRepositoryErrors.NotFound(tenantId, setId);
        }

        if (loaded.Stored.Version != expectedVersion)
        {
            return OkrRepositoryErrors.Conflict(tenantId, setId, expectedVersion);
        }

        if (OkrSetCheckIns.TryAppend(loaded.Stored.Set, [checkIn]).TryPickT1(out var invalid, out var appended))
        {
            return invalid;
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var current = await ReadVersionAsync(connection, transaction, tenantId, setId, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return OkrRepositoryErrors.NotFound(tenantId, setId);
        }

        if (current != expectedVersion)
        {
            return OkrRepositoryErrors.Conflict(tenantId, setId, expectedVersion);
        }

        var version = expectedVersion + 1;
        long seq;
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = """
                UPDATE okr_sets SET version = $version WHERE tenant_id = $tenant AND set_id = $set;
                INSERT INTO okr_check_ins (tenant_id, set_id, version, key_result_id, at, value, confidence, note)
                VALUES ($tenant, $set, $version, $kr, $at, $value, $confidence, $note)
                RETURNING seq;
                """;
            command.Parameters.AddWithValue("$tenant", tenantId);
            command.Parameters.AddWithValue("$set", setId);
            command.Parameters.AddWithValue("$version", version);
            command.Parameters.AddWithValue("$kr", checkIn.KeyResultId);
            command.Parameters.AddWithValue("$at", checkIn.CheckIn.At.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("$value", checkIn.CheckIn.Value.ToString(CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("$confidence", (object?)checkIn.CheckIn.Confidence ?? DBNull.Value);
            command.Parameters.AddWithValue("$note", (object?)checkIn.CheckIn.Note ?? DBNull.Value);
            seq = (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        var outbox = await WriteOutboxAsync(connection, transaction, tenantId, setId, version, events, payloads, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        Remember(tenantId, setId, new CacheEntry(loaded.Revision, seq, new StoredOkrSet(appended, loaded.Stored.Lifecycle, version)));
        return new SavedOkrSet(version, outbox);
    }

    private async Task<IReadOnlyList<OutboxEntry>> PendingCoreAsync(long afterId, int maxCount, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, event_type, payload, tenant_id, set_id, version FROM okr_outbox WHERE delivered = 0 AND id > $after ORDER BY id LIMIT $max;";
        command.Parameters.AddWithValue("$after", afterId);
        command.Parameters.AddWithValue("$max", maxCount);
        var result = new List<OutboxEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var id = reader.GetInt64(0);
            var type = reader.GetString(1);

            // An entry that cannot be read is handed on as such (the dispatcher reports it and leaves it pending):
            // throwing here would stop every tenant's delivery at that one entry.
            var okrEvent = OkrEventJson.Deserialize(type, reader.GetString(2)).Match(
                read => read,
                problem => Unreadable(reader, type, problem));
            result.Add(new OutboxEntry(id, okrEvent));
        }

        return result;
    }

    /// <summary>
    /// The events as stored, each checked to read back: a host event type System.Text.Json cannot write, or cannot
    /// read back (a constructor parameter that matches no property, say), is a programmer error found before anything
    /// is written, rather than an entry that never leaves the outbox.
    /// </summary>
    private static (string Type, string Payload)[] Serialize(IReadOnlyList<OkrEvent> events)
    {
        var result = new (string, string)[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            var okrEvent = events[i] ?? throw new ArgumentNullException(nameof(events), $"events[{i}] is null.");
            string payload;
            try
            {
                payload = OkrEventJson.Serialize(okrEvent);
            }
            catch (Exception e) when (e is NotSupportedException or JsonException or InvalidOperationException)
            {
                throw new ArgumentException($"events[{i}] ({okrEvent.GetType().Name}) cannot be stored in the outbox as JSON: {e.Message}", nameof(events), e);
            }

            var typeName = OkrEventJson.TypeName(okrEvent);
            if (OkrEventJson.Deserialize(typeName, payload).TryPickT1(out var problem, out _))
            {
                throw new ArgumentException($"events[{i}] ({okrEvent.GetType().Name}) would be stored in the outbox but could not be read back: {problem}.", nameof(events));
            }

            result[i] = (typeName, payload);
        }

        return result;
    }

    /// <summary>Stands in for an entry that cannot be read, with what its row says (made usable if damaged too).</summary>
    private static UnreadableOutboxEvent Unreadable(SqliteDataReader reader, string type, string problem)
    {
        var tenant = reader.IsDBNull(3) ? string.Empty : reader.GetString(3);
        var set = reader.IsDBNull(4) ? string.Empty : reader.GetString(4);
        var version = reader.IsDBNull(5) ? 0 : reader.GetInt64(5);
        return new UnreadableOutboxEvent(
            string.IsNullOrWhiteSpace(tenant) ? "(blank)" : tenant,
            string.IsNullOrWhiteSpace(set) ? "(blank)" : set,
            Math.Max(0, version),
            type,
            problem);
    }

    private static async Task<ValueArray<OutboxEntry>> WriteOutboxAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        string tenantId,
        string setId,
        long version,
        IReadOnlyList<OkrEvent> events,
        (string Type, string Payload)[] payloads,
        CancellationToken cancellationToken)
    {
        if (events.Count == 0)
        {
            return default;
        }

        var entries = new List<OutboxEntry>(events.Count);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO okr_outbox (tenant_id, set_id, version, event_type, payload) VALUES ($tenant, $set, $version, $type, $payload) RETURNING id;";
        command.Parameters.AddWithValue("$tenant", tenantId);
        command.Parameters.AddWithValue("$set", setId);
        command.Parameters.AddWithValue("$version", version);
        var type = command.Parameters.Add("$type", SqliteType.Text);
        var payload = command.Parameters.Add("$payload", SqliteType.Text);
        for (var i = 0; i < events.Count; i++)
        {
            type.Value = payloads[i].Type;
            payload.Value = payloads[i].Payload;
            var id = (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            entries.Add(new OutboxEntry(id, events[i]));
        }

        return ValueArray.From(entries);
    }

    private static async Task<long?> ReadVersionAsync(SqliteConnection connection, SqliteTransaction transaction, string tenantId, string setId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT version FROM okr_sets WHERE tenant_id = $tenant AND set_id = $set;";
        command.Parameters.AddWithValue("$tenant", tenantId);
        command.Parameters.AddWithValue("$set", setId);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long version ? version : null;
    }

    private KeyResultCheckIn ReadCheckIn(SqliteDataReader reader, string tenantId, string setId)
    {
        try
        {
            var at = DateOnly.ParseExact(reader.GetString(2), "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var value = decimal.Parse(reader.GetString(3), NumberStyles.Number, CultureInfo.InvariantCulture);
            int? confidence = reader.IsDBNull(4) ? null : reader.GetInt32(4);
            var note = reader.IsDBNull(5) ? null : reader.GetString(5);
            return new KeyResultCheckIn(reader.GetString(1), new CheckIn(at, value, confidence, note));
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException or InvalidCastException)
        {
            throw Corrupt($"check-in {reader.GetInt64(0)} of set '{setId}' of tenant '{tenantId}' cannot be read ({e.Message})", e);
        }
    }

    private void Remember(string tenantId, string setId, CacheEntry entry)
        => _cache.AddOrUpdate((tenantId, setId), entry, (_, old) => old.Stored.Version > entry.Stored.Version ? old : entry);

    /// <summary>
    /// Closes the connections of this repository's connection string that Microsoft.Data.Sqlite keeps in its pool, so
    /// the file is complete (its write-ahead log checkpointed) and can be copied, moved or deleted. The pool is shared by
    /// every repository over the same connection string: the others open new connections. Calls after it throw
    /// <see cref="ObjectDisposedException"/>.
    /// </summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        _schemaLock.Dispose();
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            if (!_schemaReady)
            {
                await _schemaLock.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    if (!_schemaReady)
                    {
                        await SqliteSchema.MigrateAsync(connection, DataSource, cancellationToken).ConfigureAwait(false);
                        _schemaReady = true;
                    }
                }
                finally
                {
                    _schemaLock.Release();
                }
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Runs a call, turning SQLite's exceptions into <see cref="OkrStoreException"/>s that say what the failure left undone (<paramref name="undone"/>).</summary>
    private async Task<T> RunAsync<T>(Func<Task<T>> action, string undone)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (SqliteException e)
        {
            throw Translate(e, undone);
        }
    }

    private OkrStoreException Translate(SqliteException e, string undone) => e.SqliteErrorCode switch
    {
        5 or 6 => new OkrStoreException(
            OkrStoreFailure.Locked,
            $"The OKR database '{DataSource}' is locked by another connection or process and stayed locked for the whole busy timeout (the connection string's 'Default Timeout'): {undone}. Retry later, or close the program holding the lock.",
            e),
        11 or 26 => new OkrStoreException(
            OkrStoreFailure.Corrupt,
            $"The file '{DataSource}' is not an OKR database or is damaged (SQLite: {e.Message}): {undone}. Restore it from a backup, or point the connection string at another file.",
            e),
        _ => new OkrStoreException(
            OkrStoreFailure.Unavailable,
            $"The OKR database '{DataSource}' failed: {undone}. SQLite says: {e.Message}",
            e),
    };

    private OkrStoreException Corrupt(string what, Exception? inner = null) => new(
        OkrStoreFailure.Corrupt,
        $"The OKR database '{DataSource}' holds data this library cannot read: {what}. Restore it from a backup.",
        inner);

    private sealed record CacheEntry(long Revision, long LastSeq, StoredOkrSet Stored);
}
