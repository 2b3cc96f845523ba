using Microsoft.Data.Sqlite;

namespace Okr.Persistence.Sqlite;

/// <summary>The store's schema as a list of numbered migrations, applied in order and recorded in <c>okr_schema_migrations</c>.</summary>
internal static class SqliteSchema
{
    /// <summary>The migrations, oldest first; a migration is never edited once shipped, only new ones appended.</summary>
    public static readonly IReadOnlyList<(int Version, string Description, string Sql)> Migrations =
    [
        (1, "sets, check-ins and outbox", """
            CREATE TABLE okr_sets (
                tenant_id TEXT NOT NULL,
                set_id TEXT NOT NULL,
                version INTEGER NOT NULL,
                revision INTEGER NOT NULL,
                document TEXT NOT NULL,
                lifecycle TEXT NOT NULL,
                PRIMARY KEY (tenant_id, set_id)
            ) WITHOUT ROWID;
            CREATE TABLE okr_check_ins (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                tenant_id TEXT NOT NULL,
                set_id TEXT NOT NULL,
                version INTEGER NOT NULL,
                key_result_id TEXT NOT NULL,
                at TEXT NOT NULL,
                value TEXT NOT NULL,
                confidence INTEGER NULL,
                note TEXT NULL
            );
            CREATE INDEX ix_okr_check_ins_set ON okr_check_ins (tenant_id, set_id, seq);
            CREATE TABLE okr_outbox (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                tenant_id TEXT NOT NULL,
                set_id TEXT NOT NULL,
                version INTEGER NOT NULL,
                event_type TEXT NOT NULL,
                payload TEXT NOT NULL,
                delivered INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX ix_okr_outbox_pending ON okr_outbox (delivered, id);
            """),
    ];

    /// <summary>The schema version this library writes.</summary>
    public static int LatestVersion => Migrations[^1].Version;

    /// <summary>Creates the migrations table and applies the missing migrations in one transaction; returns the schema version.</summary>
    public static async Task<int> MigrateAsync(SqliteConnection connection, string dataSource, CancellationToken cancellationToken)
    {
        await using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode=WAL;";
            await wal.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var create = connection.CreateCommand())
        {
            create.Transaction = transaction;
            create.CommandText = """
                CREATE TABLE IF NOT EXISTS okr_schema_migrations (
                    version INTEGER PRIMARY KEY,
                    description TEXT NOT NULL,
                    applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                );
                """;
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        long current;
        await using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT COALESCE(MAX(version), 0) FROM okr_schema_migrations;";
            current = (long)(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        if (current > LatestVersion)
        {
            throw new Core.Persistence.OkrStoreException(
                Core.Persistence.OkrStoreFailure.Unavailable,
                $"The OKR database '{dataSource}' has schema version {current}, newer than this library's {LatestVersion}: upgrade Okr.Persistence.Sqlite.");
        }

        foreach (var (version, description, sql) in Migrations)
        {
            if (version <= current)
            {
                continue;
            }

            await using var apply = connection.CreateCommand();
            apply.Transaction = transaction;
            apply.CommandText = sql + "\nINSERT INTO okr_schema_migrations (version, description) VALUES ($version, $description);";
            apply.Parameters.AddWithValue("$version", version);
            apply.Parameters.AddWithValue("$description", description);
            await apply.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return LatestVersion;
    }
}
