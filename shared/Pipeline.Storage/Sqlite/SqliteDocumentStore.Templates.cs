using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Pipeline.Storage.Sqlite;

public sealed partial class SqliteDocumentStore
{
    public async Task<SiteLineCounts> GetSiteLinesAsync(string site, IReadOnlyCollection<long> lineHashes, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(site);
        ArgumentNullException.ThrowIfNull(lineHashes);
        await InitializeAsync(cancellationToken);
        using var connection = await OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT documents FROM template_sites WHERE site = $site;
            SELECT hash, count, first_seen FROM template_lines
            WHERE site = $site AND hash IN (SELECT value FROM json_each($hashes));
            """;
        command.Parameters.AddWithValue("$site", site);
        command.Parameters.AddWithValue("$hashes", JsonSerializer.Serialize(lineHashes, StorageJson.Default.IReadOnlyCollectionInt64));
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return SiteLineCounts.Empty;
        }

        var documents = reader.GetInt64(0);
        var lines = new Dictionary<long, SiteLineCount>();
        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            lines[reader.GetInt64(0)] = new SiteLineCount(reader.GetInt64(1), reader.GetInt64(2));
        }

        return new SiteLineCounts(documents, lines);
    }

    public async Task<bool> RecordSiteDocumentAsync(
        string site, long documentKey, IReadOnlyCollection<long> lineHashes, SiteTemplateLimits limits, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(site);
        ArgumentNullException.ThrowIfNull(lineHashes);
        ArgumentNullException.ThrowIfNull(limits);
        limits.Validate();
        await InitializeAsync(cancellationToken);
        await writeLock.WaitAsync(cancellationToken);
        try
        {
            using var connection = await OpenAsync(cancellationToken);

            // BEGIN IMMEDIATE: the check for an earlier count and the increments are one step for every process.
            using var transaction = connection.BeginTransaction(deferred: false);
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.Parameters.AddWithValue("$site", site);
            command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$document", documentKey);
            command.CommandText = "INSERT INTO template_documents(site, document, seen_at) VALUES ($site, $document, $now) ON CONFLICT DO NOTHING";
            if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return false;
            }

            command.CommandText = """
                INSERT INTO template_sites(site, documents, updated_at) VALUES ($site, 1, $now)
                ON CONFLICT(site) DO UPDATE SET documents = documents + 1, updated_at = excluded.updated_at
                RETURNING documents
                """;
            var number = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
            command.Parameters.AddWithValue("$number", number);
            command.Parameters.AddWithValue("$hashes", JsonSerializer.Serialize(lineHashes, StorageJson.Default.IReadOnlyCollectionInt64));
            command.CommandText = """
                INSERT INTO template_lines(site, hash, count, first_seen, last_seen)
                SELECT DISTINCT $site, value, 1, $number, $now FROM json_each($hashes) WHERE true
                ON CONFLICT(site, hash) DO UPDATE SET count = count + 1, last_seen = excluded.last_seen
                """;
            await command.ExecuteNonQueryAsync(cancellationToken);
            if (number % limits.PruneEvery == 0)
            {
                await PruneSiteAsync(command, limits, now, cancellationToken);
            }

            transaction.Commit();
            return true;
        }
        finally
        {
            writeLock.Release();
        }
    }

    private static async Task PruneSiteAsync(SqliteCommand command, SiteTemplateLimits limits, DateTimeOffset now, CancellationToken cancellationToken)
    {
        command.Parameters.AddWithValue("$stale", (now - limits.MaxAge).ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$maxLines", limits.MaxLinesPerSite);
        command.Parameters.AddWithValue("$maxDocuments", limits.MaxDocumentsPerSite);
        command.CommandText = """
            DELETE FROM template_lines WHERE site = $site AND last_seen < $stale;
            DELETE FROM template_lines WHERE site = $site AND hash IN (
                SELECT hash FROM template_lines WHERE site = $site ORDER BY count DESC, last_seen DESC, hash LIMIT -1 OFFSET $maxLines);
            DELETE FROM template_documents WHERE site = $site AND document IN (
                SELECT document FROM template_documents WHERE site = $site ORDER BY seen_at DESC, document LIMIT -1 OFFSET $maxDocuments);
            """;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
