using System.Text.Json;
using Microsoft.Data.Sqlite;
using Pipeline.Contracts;

namespace Pipeline.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode (so a writer and readers in other processes work together),
/// FTS5 with bm25 for text search, and a table of entity keys for filters and facets.
/// </summary>
public sealed partial class SqliteDocumentStore : IDocumentStore, ICrawlStateStore, ISiteTemplateStore, IDisposable
{
    private readonly string connectionString;
    private readonly TimeProvider clock;

    // One writer at a time in this process; other processes wait on SQLite's busy timeout.
    private readonly SemaphoreSlim writeLock = new(1, 1);
    private int initialized;

    public SqliteDocumentStore(SqliteStoreOptions options, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var fullPath = System.IO.Path.GetFullPath(options.Path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(fullPath)!);
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        this.clock = clock ?? TimeProvider.System;
    }

    public Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref initialized) == 0)
        {
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            SqliteSchema.Migrate(connection);
            Volatile.Write(ref initialized, 1);
        }

        return Task.CompletedTask;
    }

    public async Task PingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await InitializeAsync(cancellationToken);
            using var connection = await OpenAsync(cancellationToken);
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM sqlite_master";
            await command.ExecuteScalarAsync(cancellationToken);
        }
        catch (SqliteException ex)
        {
            throw new StoreUnavailableException($"The SQLite store does not answer: {ex.Message}", ex);
        }
    }

    public async Task<UpsertResult> UpsertAsync(StoredDocument document, CancellationToken cancellationToken) =>
        (await UpsertManyAsync([document], cancellationToken))[0];

    public async Task<IReadOnlyList<UpsertResult>> UpsertManyAsync(IReadOnlyList<StoredDocument> documents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        await InitializeAsync(cancellationToken);
        await writeLock.WaitAsync(cancellationToken);
        try
        {
            using var connection = await OpenAsync(cancellationToken);
            using var transaction = connection.BeginTransaction();
            var results = new UpsertResult[documents.Count];
            using var writer = new SqliteDocumentWriter(connection, transaction);
            var now = clock.GetUtcNow();
            for (var i = 0; i < documents.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                results[i] = writer.Upsert(documents[i], now);
            }

            transaction.Commit();
            return results;
        }
        finally
        {
            writeLock.Release();
        }
    }

    public async Task<StoredDocument?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        using var connection = await OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, source_kind, source_uri, source_name, title, text, language, author, site_name,
                   published, fetched_at, stored_at, version, content_hash, entities, removed, format, pages, source_parent
            FROM documents WHERE id = $id
            """;
        command.Parameters.AddWithValue("$id", id.ToString("D"));
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var text = reader.GetString(5);
        var entities = SqliteEntityCodec.Decode(reader.GetString(14), text);
        return new StoredDocument
        {
            Id = Guid.Parse(reader.GetString(0)),
            Source = new DocumentSource(reader.GetString(1), reader.GetString(2), reader.GetString(3), NullableString(reader, 18)),
            Title = reader.GetString(4),
            Text = text,
            Language = NullableString(reader, 6),
            Author = NullableString(reader, 7),
            SiteName = NullableString(reader, 8),
            Published = reader.IsDBNull(9) ? null : FromUnixMs(reader.GetInt64(9)),
            FetchedAt = FromUnixMs(reader.GetInt64(10)),
            StoredAt = FromUnixMs(reader.GetInt64(11)),
            Version = reader.GetInt64(12),
            ContentHash = reader.GetString(13),
            Entities = entities,
            EntityKeys = StoredDocuments.EntityKeysOf(entities),
            Removed = JsonSerializer.Deserialize(reader.GetString(15), StorageJson.Default.ListRemovedText) ?? [],
            Format = NullableString(reader, 16),
            Pages = reader.IsDBNull(17) ? [] : JsonSerializer.Deserialize(reader.GetString(17), StorageJson.Default.ListPageSpan) ?? [],
        };
    }

    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        await writeLock.WaitAsync(cancellationToken);
        try
        {
            using var connection = await OpenAsync(cancellationToken);
            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "SELECT seq FROM documents WHERE id = $id";
            command.Parameters.AddWithValue("$id", id.ToString("D"));
            if (await command.ExecuteScalarAsync(cancellationToken) is long seq)
            {
                // A duplicate of the deleted document takes its place, so its text stays findable.
                using var writer = new SqliteDocumentWriter(connection, transaction);
                writer.PromoteDuplicateOf(id.ToString("D"), seq, clock.GetUtcNow());
            }

            command.CommandText = "DELETE FROM documents WHERE id = $id; DELETE FROM duplicates WHERE id = $id;";
            var deleted = await command.ExecuteNonQueryAsync(cancellationToken) > 0;
            transaction.Commit();
            return deleted;
        }
        finally
        {
            writeLock.Release();
        }
    }

    public async Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        using var connection = await OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT count(*), max(stored_at), (SELECT count(*) FROM duplicates) FROM documents;
            SELECT source_kind, count(*) FROM documents GROUP BY source_kind ORDER BY 2 DESC;
            SELECT source_host, count(*) FROM documents WHERE source_host IS NOT NULL GROUP BY source_host ORDER BY 2 DESC LIMIT 50;
            """;
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var documents = reader.GetInt64(0);
        DateTimeOffset? last = reader.IsDBNull(1) ? null : FromUnixMs(reader.GetInt64(1));
        var duplicates = reader.GetInt64(2);
        var byKind = new Dictionary<string, long>(StringComparer.Ordinal);
        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            byKind[reader.GetString(0)] = reader.GetInt64(1);
        }

        var byHost = new Dictionary<string, long>(StringComparer.Ordinal);
        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            byHost[reader.GetString(0)] = reader.GetInt64(1);
        }

        return new StoreStatistics(documents, duplicates, byKind, byHost, last);
    }

    public void Dispose() => writeLock.Dispose();

    internal async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        using var pragmas = connection.CreateCommand();

        // WAL with synchronous=NORMAL never corrupts the file; a power cut may lose the last commits, which the bus redelivers.
        pragmas.CommandText = "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -32768; PRAGMA temp_store = MEMORY;";
        await pragmas.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    internal static DateTimeOffset FromUnixMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    internal static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
