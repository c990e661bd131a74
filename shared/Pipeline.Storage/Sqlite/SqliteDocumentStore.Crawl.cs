using System.Text.Json;

namespace Pipeline.Storage.Sqlite;

public sealed partial class SqliteDocumentStore
{
    public async Task SaveCrawlAsync(CrawlDefinition crawl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(crawl);
        await ExecuteWriteAsync(
            """
            INSERT INTO crawls(name, definition, updated_at) VALUES ($name, $definition, $updated)
            ON CONFLICT(name) DO UPDATE SET definition = excluded.definition, updated_at = excluded.updated_at
            """,
            [("$name", crawl.Name), ("$definition", JsonSerializer.Serialize(crawl, StorageJson.Default.CrawlDefinition)), ("$updated", crawl.UpdatedAt.ToUnixTimeMilliseconds())],
            cancellationToken);
    }

    public async Task<CrawlDefinition?> GetCrawlAsync(string name, CancellationToken cancellationToken)
    {
        var found = await ReadJsonAsync("SELECT definition FROM crawls WHERE name = $p", name, StorageJson.Default.CrawlDefinition, 1, cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    public async Task<IReadOnlyList<CrawlDefinition>> ListCrawlsAsync(CancellationToken cancellationToken) =>
        await ReadJsonAsync("SELECT definition FROM crawls WHERE $p IS NULL ORDER BY name", null, StorageJson.Default.CrawlDefinition, int.MaxValue, cancellationToken);

    public async Task<bool> DeleteCrawlAsync(string name, CancellationToken cancellationToken) =>
        await ExecuteWriteAsync(
            "DELETE FROM crawls WHERE name = $name; DELETE FROM fetch_state WHERE crawl_name = $name;",
            [("$name", name)],
            cancellationToken) > 0;

    public async Task<FetchState?> GetFetchStateAsync(string url, CancellationToken cancellationToken)
    {
        var found = await ReadJsonAsync("SELECT state FROM fetch_state WHERE url = $p", url, StorageJson.Default.FetchState, 1, cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    public async Task SaveFetchStateAsync(FetchState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        await ExecuteWriteAsync(
            """
            INSERT INTO fetch_state(url, crawl_name, next_due_at, parked, state) VALUES ($url, $crawl, $due, $parked, $state)
            ON CONFLICT(url) DO UPDATE SET crawl_name = excluded.crawl_name, next_due_at = excluded.next_due_at,
                parked = excluded.parked, state = excluded.state
            """,
            [
                ("$url", state.Url), ("$crawl", state.CrawlName), ("$due", state.NextDueAt?.ToUnixTimeMilliseconds()),
                ("$parked", state.Parked ? 1 : 0), ("$state", JsonSerializer.Serialize(state, StorageJson.Default.FetchState)),
            ],
            cancellationToken);
    }

    public async Task<IReadOnlyList<FetchState>> ListDueAsync(string crawlName, DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        using var connection = await OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT state FROM fetch_state
            WHERE crawl_name = $crawl AND parked = 0 AND (next_due_at IS NULL OR next_due_at <= $now)
            ORDER BY coalesce(next_due_at, 0), url LIMIT $limit
            """;
        command.Parameters.AddWithValue("$crawl", crawlName);
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$limit", limit);
        var states = new List<FetchState>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            states.Add(JsonSerializer.Deserialize(reader.GetString(0), StorageJson.Default.FetchState)!);
        }

        return states;
    }

    private async Task<int> ExecuteWriteAsync(string sql, (string Name, object? Value)[] parameters, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        await writeLock.WaitAsync(cancellationToken);
        try
        {
            using var connection = await OpenAsync(cancellationToken);
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }

            return await command.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            writeLock.Release();
        }
    }

    private async Task<List<T>> ReadJsonAsync<T>(
        string sql, string? parameter, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, int limit, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        using var connection = await OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$p", (object?)parameter ?? DBNull.Value);
        var items = new List<T>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (items.Count < limit && await reader.ReadAsync(cancellationToken))
        {
            items.Add(JsonSerializer.Deserialize(reader.GetString(0), type)!);
        }

        return items;
    }
}
