using System.Text.Json;
using Microsoft.Data.Sqlite;
using Pipeline.Contracts;

namespace Pipeline.Storage.Sqlite;

/// <summary>Upserts inside one open transaction, with prepared commands reused across a batch.</summary>
internal sealed class SqliteDocumentWriter(SqliteConnection connection, SqliteTransaction transaction) : IDisposable
{
    private readonly SqliteCommand findById = Prepare(connection, transaction,
        "SELECT seq, version, content_hash, stored_at FROM documents WHERE id = $id",
        "$id");

    private readonly SqliteCommand findByHash = Prepare(connection, transaction,
        "SELECT id, stored_at FROM documents WHERE content_hash = $hash AND id <> $id LIMIT 1",
        "$hash", "$id");

    private readonly SqliteCommand touch = Prepare(connection, transaction,
        "UPDATE documents SET version = $version, fetched_at = $fetched WHERE seq = $seq",
        "$version", "$fetched", "$seq");

    private readonly SqliteCommand deleteBySeq = Prepare(connection, transaction,
        "DELETE FROM documents WHERE seq = $seq",
        "$seq");

    private readonly SqliteCommand recordDuplicate = Prepare(connection, transaction,
        """
        INSERT INTO duplicates(id, source_kind, source_uri, source_name, duplicate_of, content_hash, version, recorded_at)
        VALUES ($id, $kind, $uri, $name, $of, $hash, $version, $now)
        ON CONFLICT(id) DO UPDATE SET duplicate_of = excluded.duplicate_of, content_hash = excluded.content_hash,
            version = excluded.version, recorded_at = excluded.recorded_at
        WHERE excluded.version >= duplicates.version
        """,
        "$id", "$kind", "$uri", "$name", "$of", "$hash", "$version", "$now");

    private readonly SqliteCommand clearDuplicate = Prepare(connection, transaction,
        "DELETE FROM duplicates WHERE id = $id",
        "$id");

    private readonly SqliteCommand firstDuplicate = Prepare(connection, transaction,
        "SELECT id, source_uri FROM duplicates WHERE duplicate_of = $of ORDER BY recorded_at, id LIMIT 1",
        "$of");

    private readonly SqliteCommand promote = Prepare(connection, transaction,
        """
        INSERT INTO documents(id, source_kind, source_uri, source_name, source_host, title, text, language, author, site_name,
            published, fetched_at, stored_at, version, content_hash, entities, removed)
        SELECT d.id, d.source_kind, d.source_uri, d.source_name, $host, o.title, o.text, o.language, o.author, o.site_name,
            o.published, o.fetched_at, $now, d.version, o.content_hash, o.entities, o.removed
        FROM duplicates d JOIN documents o ON o.seq = $seq
        WHERE d.id = $id
        RETURNING seq;
        """,
        "$host", "$now", "$seq", "$id");

    private readonly SqliteCommand repoint = Prepare(connection, transaction,
        """
        INSERT INTO entity_keys(type, value, seq, mentions) SELECT type, value, $newSeq, mentions FROM entity_keys WHERE seq = $seq;
        DELETE FROM duplicates WHERE id = $id;
        UPDATE duplicates SET duplicate_of = $id WHERE duplicate_of = $of;
        """,
        "$newSeq", "$seq", "$id", "$of");

    private readonly SqliteCommand insert = Prepare(connection, transaction,
        """
        INSERT INTO documents(id, source_kind, source_uri, source_name, source_host, title, text, language, author, site_name,
            published, fetched_at, stored_at, version, content_hash, entities, removed, format, pages, source_parent)
        VALUES ($id, $kind, $uri, $name, $host, $title, $text, $language, $author, $site,
            $published, $fetched, $stored, $version, $hash, $entities, $removed, $format, $pages, $parent)
        RETURNING seq
        """,
        "$id", "$kind", "$uri", "$name", "$host", "$title", "$text", "$language", "$author", "$site",
        "$published", "$fetched", "$stored", "$version", "$hash", "$entities", "$removed", "$format", "$pages", "$parent");

    private readonly SqliteCommand insertKey = Prepare(connection, transaction,
        """
        INSERT OR IGNORE INTO entity_keys(type, value, seq, mentions, display)
        SELECT value ->> 0, value ->> 1, $seq, value ->> 2, value ->> 3 FROM json_each($keys)
        """,
        "$seq", "$keys");

    public UpsertResult Upsert(StoredDocument document, DateTimeOffset now)
    {
        var id = document.Id.ToString("D");
        long? existingSeq = null;
        findById.Parameters["$id"].Value = id;
        using (var reader = findById.ExecuteReader())
        {
            if (reader.Read())
            {
                existingSeq = reader.GetInt64(0);
                var existingVersion = reader.GetInt64(1);
                var storedAt = SqliteDocumentStore.FromUnixMs(reader.GetInt64(3));
                if (existingVersion >= document.Version)
                {
                    return new UpsertResult(StoreOutcome.Unchanged, null, storedAt);
                }

                if (reader.GetString(2) == document.ContentHash)
                {
                    reader.Close();
                    touch.Parameters["$version"].Value = document.Version;
                    touch.Parameters["$fetched"].Value = document.FetchedAt.ToUnixTimeMilliseconds();
                    touch.Parameters["$seq"].Value = existingSeq.Value;
                    touch.ExecuteNonQuery();
                    return new UpsertResult(StoreOutcome.Unchanged, null, storedAt);
                }
            }
        }

        findByHash.Parameters["$hash"].Value = document.ContentHash;
        findByHash.Parameters["$id"].Value = id;
        using (var reader = findByHash.ExecuteReader())
        {
            if (reader.Read())
            {
                var original = Guid.Parse(reader.GetString(0));
                reader.Close();
                if (existingSeq is { } stale)
                {
                    // This source now holds a copy of another document's text: keep one copy, remember the source.
                    PromoteDuplicateOf(id, stale, now);
                    deleteBySeq.Parameters["$seq"].Value = stale;
                    deleteBySeq.ExecuteNonQuery();
                }

                SetSource(recordDuplicate, document);
                recordDuplicate.Parameters["$of"].Value = original.ToString("D");
                recordDuplicate.Parameters["$hash"].Value = document.ContentHash;
                recordDuplicate.Parameters["$version"].Value = document.Version;
                recordDuplicate.Parameters["$now"].Value = now.ToUnixTimeMilliseconds();
                recordDuplicate.ExecuteNonQuery();
                return new UpsertResult(StoreOutcome.Duplicate, original, now);
            }
        }

        if (existingSeq is { } previous)
        {
            PromoteDuplicateOf(id, previous, now);
            deleteBySeq.Parameters["$seq"].Value = previous;
            deleteBySeq.ExecuteNonQuery();
        }

        clearDuplicate.Parameters["$id"].Value = id;
        clearDuplicate.ExecuteNonQuery();

        SetSource(insert, document);
        insert.Parameters["$host"].Value = (object?)HostOf(document.Source.Uri) ?? DBNull.Value;
        insert.Parameters["$title"].Value = document.Title;
        insert.Parameters["$text"].Value = document.Text;
        insert.Parameters["$language"].Value = (object?)document.Language ?? DBNull.Value;
        insert.Parameters["$author"].Value = (object?)document.Author ?? DBNull.Value;
        insert.Parameters["$site"].Value = (object?)document.SiteName ?? DBNull.Value;
        insert.Parameters["$published"].Value = (object?)document.Published?.ToUnixTimeMilliseconds() ?? DBNull.Value;
        insert.Parameters["$fetched"].Value = document.FetchedAt.ToUnixTimeMilliseconds();
        insert.Parameters["$stored"].Value = now.ToUnixTimeMilliseconds();
        insert.Parameters["$version"].Value = document.Version;
        insert.Parameters["$hash"].Value = document.ContentHash;
        insert.Parameters["$entities"].Value = SqliteEntityCodec.Encode(document.Entities, document.Text);
        insert.Parameters["$removed"].Value = JsonSerializer.Serialize(document.Removed.ToList(), StorageJson.Default.ListRemovedText);
        insert.Parameters["$format"].Value = (object?)document.Format ?? DBNull.Value;
        insert.Parameters["$pages"].Value = document.Pages.Count == 0 ? DBNull.Value : JsonSerializer.Serialize(document.Pages.ToList(), StorageJson.Default.ListPageSpan);
        insert.Parameters["$parent"].Value = (object?)document.Source.Parent ?? DBNull.Value;
        var seq = (long)insert.ExecuteScalar()!;

        // One statement per document rather than one per entity key: the keys travel as a JSON array.
        var keys = new System.Text.StringBuilder("[");
        foreach (var (key, (mentions, display)) in EntityDisplay.PerKey(document))
        {
            keys.Append(keys.Length > 1 ? ",[" : "[")
                .Append(JsonSerializer.Serialize(key.Type, StorageJson.Default.String)).Append(',')
                .Append(JsonSerializer.Serialize(key.Value, StorageJson.Default.String)).Append(',')
                .Append(mentions.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(',')
                .Append(JsonSerializer.Serialize(display, StorageJson.Default.String)).Append(']');
        }

        insertKey.Parameters["$seq"].Value = seq;
        insertKey.Parameters["$keys"].Value = keys.Append(']').ToString();
        insertKey.ExecuteNonQuery();

        return new UpsertResult(StoreOutcome.Stored, null, now);
    }

    /// <summary>
    /// Before a document's text goes (a new version or a delete), the oldest duplicate of it becomes a stored document
    /// with that text under its own source, and the other duplicates point at it: identical text stays findable.
    /// The duplicate's title, dates and entities are the original's, as its text is the same.
    /// </summary>
    public void PromoteDuplicateOf(string id, long seq, DateTimeOffset now)
    {
        firstDuplicate.Parameters["$of"].Value = id;
        string duplicate, uri;
        using (var reader = firstDuplicate.ExecuteReader())
        {
            if (!reader.Read())
            {
                return;
            }

            (duplicate, uri) = (reader.GetString(0), reader.GetString(1));
        }

        promote.Parameters["$host"].Value = (object?)HostOf(uri) ?? DBNull.Value;
        promote.Parameters["$now"].Value = now.ToUnixTimeMilliseconds();
        promote.Parameters["$seq"].Value = seq;
        promote.Parameters["$id"].Value = duplicate;
        var newSeq = (long)promote.ExecuteScalar()!;

        repoint.Parameters["$newSeq"].Value = newSeq;
        repoint.Parameters["$seq"].Value = seq;
        repoint.Parameters["$id"].Value = duplicate;
        repoint.Parameters["$of"].Value = id;
        repoint.ExecuteNonQuery();
    }

    public void Dispose()
    {
        foreach (var command in (SqliteCommand[])[findById, findByHash, touch, deleteBySeq, recordDuplicate, clearDuplicate, firstDuplicate, promote, repoint, insert, insertKey])
        {
            command.Dispose();
        }
    }

    internal static string? HostOf(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps)
            ? parsed.IdnHost.ToLowerInvariant()
            : null;

    private static void SetSource(SqliteCommand command, StoredDocument document)
    {
        command.Parameters["$id"].Value = document.Id.ToString("D");
        command.Parameters["$kind"].Value = document.Source.Kind;
        command.Parameters["$uri"].Value = document.Source.Uri;
        command.Parameters["$name"].Value = document.Source.Name;
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter(name, null));
        }

        return command;
    }
}
