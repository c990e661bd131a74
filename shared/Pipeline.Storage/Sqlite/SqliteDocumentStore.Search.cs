using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Pipeline.Contracts;

namespace Pipeline.Storage.Sqlite;

public sealed partial class SqliteDocumentStore
{
    private const char HighlightStart = '\u0002';
    private const char HighlightEnd = '\u0003';

    public async Task<SearchPage> SearchAsync(DocumentQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        await InitializeAsync(cancellationToken);
        var text = TextQuery.Parse(query.Text);
        var byRelevance = query.Sort == SortOrder.Relevance && !text.IsEmpty;
        var cursor = query.Cursor is null ? (SearchCursor?)null : SearchCursor.Decode(query.Cursor);

        using var connection = await OpenAsync(cancellationToken);
        var snapshot = cursor?.Snapshot ?? await MaxSeqAsync(connection, cancellationToken);

        using var command = connection.CreateCommand();

        // Rank first, over as little as possible (the FTS table alone unless a filter or the sort needs the
        // documents table), then read rows and build snippets for the page only.
        var ranking = new StringBuilder();
        var seq = AppendMatchingSet(ranking, command, query, text, needsDocuments: !byRelevance);
        var sortKey = byRelevance ? "bm25(documents_fts, 10.0, 1.0)" : "coalesce(d.published, d.stored_at)";
        ranking.Insert(0, $"SELECT {seq} AS seq, {sortKey} AS sort_key ");
        ranking.Append(CultureInfo.InvariantCulture, $" AND {seq} <= $snapshot");
        command.Parameters.AddWithValue("$snapshot", snapshot);
        if (cursor is { } after && !byRelevance)
        {
            ranking.Append(CultureInfo.InvariantCulture, $" AND (sort_key < $ck OR (sort_key = $ck AND {seq} < $cseq))");
            command.Parameters.AddWithValue("$ck", after.SortKey);
            command.Parameters.AddWithValue("$cseq", after.Seq);
        }

        // bm25 is "lower is better"; dates are newest first.
        var order = byRelevance ? "ORDER BY sort_key ASC, seq DESC" : "ORDER BY sort_key DESC, seq DESC";
        ranking.Append(' ').Append(order).Append(" LIMIT $limit OFFSET $offset");
        var offset = byRelevance ? cursor?.Offset ?? 0 : 0;
        command.Parameters.AddWithValue("$limit", query.Limit + 1);
        command.Parameters.AddWithValue("$offset", offset);

        var snippet = text.IsEmpty
            ? "substr(d.text, 1, 300)"
            : $"(SELECT snippet(documents_fts, 1, char({(int)HighlightStart}), char({(int)HighlightEnd}), '…', 32) FROM documents_fts WHERE documents_fts MATCH $match AND documents_fts.rowid = r.seq)";
        command.CommandText = $"""
            SELECT d.seq, d.id, d.title, d.source_kind, d.source_uri, d.source_name, d.published, d.stored_at, {snippet}, r.sort_key
            FROM ({ranking}) r JOIN documents d ON d.seq = r.seq
            {order.Replace("seq", "r.seq", StringComparison.Ordinal).Replace("sort_key", "r.sort_key", StringComparison.Ordinal)}
            """;

        var rows = new List<(long Seq, SearchHit Hit, double SortKey)>();
        using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var (snippetText, highlights) = ParseSnippet(reader.IsDBNull(8) ? string.Empty : reader.GetString(8));
                var sortValue = reader.GetDouble(9);
                var hit = new SearchHit(
                    Guid.Parse(reader.GetString(1)),
                    reader.GetString(2),
                    new DocumentSource(reader.GetString(3), reader.GetString(4), reader.GetString(5)),
                    reader.IsDBNull(6) ? null : FromUnixMs(reader.GetInt64(6)),
                    FromUnixMs(reader.GetInt64(7)),
                    snippetText,
                    highlights,
                    new Dictionary<string, int>(),
                    byRelevance ? -sortValue : 0);
                rows.Add((reader.GetInt64(0), hit, sortValue));
            }
        }

        string? next = null;
        if (rows.Count > query.Limit)
        {
            rows.RemoveAt(rows.Count - 1);
            var last = rows[^1];
            next = new SearchCursor(snapshot, last.SortKey, last.Seq, offset + rows.Count).Encode();
        }

        var counts = await EntityCountsAsync(connection, rows.Select(r => r.Seq).ToList(), cancellationToken);
        var hits = rows.Select(r => r.Hit with { EntityCounts = counts.GetValueOrDefault(r.Seq) ?? new Dictionary<string, int>() }).ToList();
        return new SearchPage(hits, next);
    }

    public async Task<long> CountAsync(DocumentQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        await InitializeAsync(cancellationToken);
        using var connection = await OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        var sql = new StringBuilder();
        AppendMatchingSet(sql, command, query, TextQuery.Parse(query.Text), needsDocuments: false);
        command.CommandText = "SELECT count(*) " + sql;
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<IReadOnlyList<EntityFacet>> FacetsAsync(DocumentQuery query, string? type, string? prefix, int perType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(perType, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(perType, 1000);
        await InitializeAsync(cancellationToken);
        using var connection = await OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        var text = TextQuery.Parse(query.Text);
        var everything = text.IsEmpty && query.Entities.Count == 0 && query.Source is null && query.From is null && query.To is null;
        var sql = new StringBuilder($"""
            SELECT type, value, n, {DisplayOf("f")} FROM (
                SELECT ek.type, ek.value, count(*) AS n,
                       row_number() OVER (PARTITION BY ek.type ORDER BY count(*) DESC, ek.value) AS rank
                FROM entity_keys ek WHERE 1 = 1
            """);
        if (!everything)
        {
            var matching = new StringBuilder();
            var seq = AppendMatchingSet(matching, command, query, text, needsDocuments: false);
            sql.Append(CultureInfo.InvariantCulture, $" AND ek.seq IN (SELECT {seq} {matching})");
        }

        if (type is not null)
        {
            sql.Append(" AND ek.type = $ftype");
            command.Parameters.AddWithValue("$ftype", EntityKey.Create(type, "x").Type);
        }

        if (!string.IsNullOrWhiteSpace(prefix))
        {
            sql.Append(@" AND ek.value LIKE $fprefix ESCAPE '\'");
            command.Parameters.AddWithValue("$fprefix", EscapeLike(prefix.Trim().ToLowerInvariant()) + "%");
        }

        sql.Append(" GROUP BY ek.type, ek.value) f WHERE rank <= $per ORDER BY type, n DESC, value");
        command.Parameters.AddWithValue("$per", perType);
        command.CommandText = sql.ToString();
        return await ReadFacetsAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<EntityFacet>> CooccurringAsync(EntityKey key, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 1000);
        await InitializeAsync(cancellationToken);
        using var connection = await OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT type, value, n, {DisplayOf("f")} FROM (
                SELECT ek.type, ek.value, count(*) AS n FROM entity_keys ek
                WHERE ek.seq IN (SELECT seq FROM entity_keys WHERE type = $type AND value = $value) AND NOT (ek.type = $type AND ek.value = $value)
                GROUP BY ek.type, ek.value ORDER BY n DESC, ek.type, ek.value LIMIT $limit) f
            ORDER BY n DESC, type, value
            """;
        command.Parameters.AddWithValue("$type", key.Type);
        command.Parameters.AddWithValue("$value", key.Value);
        command.Parameters.AddWithValue("$limit", limit);
        return await ReadFacetsAsync(command, cancellationToken);
    }

    /// <summary>
    /// Appends <c>FROM ... WHERE ...</c> selecting the documents that match; every value is a parameter. The documents
    /// table (alias <c>d</c>) is joined only when <paramref name="needsDocuments"/> or a filter needs it.
    /// </summary>
    /// <returns>The expression for a matching document's sequence number.</returns>
    private static string AppendMatchingSet(StringBuilder sql, SqliteCommand command, DocumentQuery query, TextQuery text, bool needsDocuments)
    {
        var filtersDocuments = !string.IsNullOrWhiteSpace(query.Source) || query.From is not null || query.To is not null;
        string seq;
        if (text.IsEmpty)
        {
            sql.Append(" FROM documents d WHERE 1 = 1");
            seq = "d.seq";
        }
        else
        {
            sql.Append(needsDocuments || filtersDocuments
                ? " FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid WHERE documents_fts MATCH $match"
                : " FROM documents_fts WHERE documents_fts MATCH $match");
            seq = "documents_fts.rowid";
            command.Parameters.AddWithValue("$match", ToFtsMatch(text));
        }

        for (var i = 0; i < query.Entities.Count; i++)
        {
            // The unary plus keeps SQLite from handing the IN list to FTS5, which would re-run the match per row id.
            sql.Append(CultureInfo.InvariantCulture, $" AND +{seq} IN (SELECT seq FROM entity_keys WHERE type = $et{i} AND value = $ev{i})");
            command.Parameters.AddWithValue($"$et{i}", query.Entities[i].Type);
            command.Parameters.AddWithValue($"$ev{i}", query.Entities[i].Value);
        }

        if (!string.IsNullOrWhiteSpace(query.Source))
        {
            var source = query.Source.Trim();
            if (source.Contains("://", StringComparison.Ordinal))
            {
                sql.Append(@" AND d.source_uri LIKE $source ESCAPE '\'");
                command.Parameters.AddWithValue("$source", EscapeLike(source) + "%");
            }
            else
            {
                sql.Append(" AND (d.source_kind = $source OR d.source_host = $source OR d.source_host = 'www.' || $source OR d.source_name = $sourceName)");
                command.Parameters.AddWithValue("$source", source.ToLowerInvariant());
                command.Parameters.AddWithValue("$sourceName", source);
            }
        }

        var dateColumn = query.DateField == DateField.Published ? "d.published" : "d.stored_at";
        if (query.From is { } from)
        {
            sql.Append(CultureInfo.InvariantCulture, $" AND {dateColumn} >= $from");
            command.Parameters.AddWithValue("$from", from.ToUnixTimeMilliseconds());
        }

        if (query.To is { } to)
        {
            sql.Append(CultureInfo.InvariantCulture, $" AND {dateColumn} < $to");
            command.Parameters.AddWithValue("$to", to.ToUnixTimeMilliseconds());
        }

        return seq;
    }

    /// <summary>Each term becomes an FTS5 string literal, so nothing the user typed is read as FTS syntax.</summary>
    private static string ToFtsMatch(TextQuery text) =>
        string.Join(" AND ", text.Terms.Select(t => "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));

    private static string EscapeLike(string value) =>
        value.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);

    private static (string Snippet, IReadOnlyList<TextRange> Highlights) ParseSnippet(string raw)
    {
        var builder = new StringBuilder(raw.Length);
        var highlights = new List<TextRange>();
        var start = -1;
        foreach (var c in raw)
        {
            switch (c)
            {
                case HighlightStart:
                    start = builder.Length;
                    break;
                case HighlightEnd when start >= 0:
                    highlights.Add(new TextRange(start, builder.Length - start));
                    start = -1;
                    break;
                case '\r' or '\n' or '\t':
                    builder.Append(' ');
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return (builder.ToString().Trim(), highlights);
    }

    /// <summary>The display name of the entity in the row aliased <paramref name="alias"/>: the surface form most documents use.</summary>
    private static string DisplayOf(string alias) =>
        $"(SELECT n.display FROM entity_names n WHERE n.type = {alias}.type AND n.value = {alias}.value AND n.documents > 0 ORDER BY n.documents DESC, n.display LIMIT 1)";

    private static async Task<long> MaxSeqAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce(max(seq), 0) FROM documents";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<Dictionary<long, IReadOnlyDictionary<string, int>>> EntityCountsAsync(
        SqliteConnection connection, List<long> seqs, CancellationToken cancellationToken)
    {
        var result = new Dictionary<long, IReadOnlyDictionary<string, int>>();
        if (seqs.Count == 0)
        {
            return result;
        }

        using var command = connection.CreateCommand();
        command.CommandText = "SELECT ek.seq, ek.type, count(*) FROM entity_keys ek WHERE ek.seq IN (SELECT value FROM json_each($seqs)) GROUP BY ek.seq, ek.type";
        command.Parameters.AddWithValue("$seqs", "[" + string.Join(',', seqs) + "]");
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var seq = reader.GetInt64(0);
            if (!result.TryGetValue(seq, out var counts))
            {
                counts = new Dictionary<string, int>(StringComparer.Ordinal);
                result[seq] = counts;
            }

            ((Dictionary<string, int>)counts)[reader.GetString(1)] = reader.GetInt32(2);
        }

        return result;
    }

    private static async Task<IReadOnlyList<EntityFacet>> ReadFacetsAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var facets = new List<EntityFacet>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            facets.Add(new EntityFacet(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
        }

        return facets;
    }
}
