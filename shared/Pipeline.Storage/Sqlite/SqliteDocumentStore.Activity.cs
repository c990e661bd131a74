using System.Text.Json;

namespace Pipeline.Storage.Sqlite;

/// <summary>Outcomes of submitted documents, the last run of each crawl, and recent activity.</summary>
public sealed partial class SqliteDocumentStore : IOutcomeStore, ICrawlRunLog, IStoreActivity
{
    public async Task SaveOutcomeAsync(DocumentOutcome outcome, DateTimeOffset expireBefore, bool onlyIfTracked, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var upsert = onlyIfTracked
            ? "UPDATE outcomes SET recorded_at = $at, outcome = $outcome WHERE id = $id AND recorded_at >= $expire;"
            : """
              INSERT INTO outcomes(id, recorded_at, outcome) VALUES ($id, $at, $outcome)
              ON CONFLICT(id) DO UPDATE SET recorded_at = excluded.recorded_at, outcome = excluded.outcome;
              """;
        await ExecuteWriteAsync(
            upsert + " DELETE FROM outcomes WHERE recorded_at < $expire;",
            [
                ("$id", outcome.Id.ToString("D")), ("$at", outcome.RecordedAt.ToUnixTimeMilliseconds()),
                ("$outcome", JsonSerializer.Serialize(outcome, StorageJson.Default.DocumentOutcome)), ("$expire", expireBefore.ToUnixTimeMilliseconds()),
            ],
            cancellationToken);
    }

    public async Task<DocumentOutcome?> GetOutcomeAsync(Guid id, DateTimeOffset expireBefore, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        using var connection = await OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT outcome FROM outcomes WHERE id = $id AND recorded_at >= $expire";
        command.Parameters.AddWithValue("$id", id.ToString("D"));
        command.Parameters.AddWithValue("$expire", expireBefore.ToUnixTimeMilliseconds());
        return await command.ExecuteScalarAsync(cancellationToken) is string json ? JsonSerializer.Deserialize(json, StorageJson.Default.DocumentOutcome) : null;
    }

    public async Task SaveRunAsync(CrawlRunRecord run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        await ExecuteWriteAsync(
            "INSERT INTO crawl_runs(name, run) VALUES ($name, $run) ON CONFLICT(name) DO UPDATE SET run = excluded.run",
            [("$name", run.CrawlName), ("$run", JsonSerializer.Serialize(run, StorageJson.Default.CrawlRunRecord))],
            cancellationToken);
    }

    public async Task<IReadOnlyList<CrawlRunRecord>> ListLastRunsAsync(CancellationToken cancellationToken) =>
        await ReadJsonAsync("SELECT run FROM crawl_runs WHERE $p IS NULL ORDER BY name", null, StorageJson.Default.CrawlRunRecord, int.MaxValue, cancellationToken);

    public async Task<IReadOnlyList<MinuteCount>> StoredPerMinuteAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        using var connection = await OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT stored_at / 60000, count(*) FROM documents WHERE stored_at >= $since GROUP BY 1 ORDER BY 1";
        command.Parameters.AddWithValue("$since", since.ToUnixTimeMilliseconds());
        var minutes = new List<MinuteCount>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            minutes.Add(new MinuteCount(FromUnixMs(reader.GetInt64(0) * 60000), reader.GetInt64(1)));
        }

        return minutes;
    }

    public async Task<long> SizeBytesAsync(CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        using var connection = await OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()";
        var bytes = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        var wal = connection.DataSource + "-wal";
        return bytes + (File.Exists(wal) ? new FileInfo(wal).Length : 0);
    }
}
