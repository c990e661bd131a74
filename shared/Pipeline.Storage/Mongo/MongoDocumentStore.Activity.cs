using System.Text.Json;
using MongoDB.Bson;
using MongoDB.Driver;
using Pipeline.Storage.Mongo.Records;

namespace Pipeline.Storage.Mongo;

/// <summary>Outcomes of submitted documents, the last run of each crawl, and recent activity: the same JSON records as the SQLite store.</summary>
public sealed partial class MongoDocumentStore : IOutcomeStore, ICrawlRunLog, IStoreActivity
{
    public async Task SaveOutcomeAsync(DocumentOutcome outcome, DateTimeOffset expireBefore, bool onlyIfTracked, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        await InitializeAsync(cancellationToken);
        var id = outcome.Id.ToString("D");
        var expire = expireBefore.UtcDateTime;
        var record = new MongoOutcomeRecord
        {
            Id = id,
            RecordedAt = outcome.RecordedAt.UtcDateTime,
            Outcome = BsonDocument.Parse(JsonSerializer.Serialize(outcome, StorageJson.Default.DocumentOutcome)),
        };
        var f = Builders<MongoOutcomeRecord>.Filter;
        if (onlyIfTracked)
        {
            await _outcomes.ReplaceOneAsync(f.Eq(o => o.Id, id) & f.Gte(o => o.RecordedAt, expire), record, new ReplaceOptions { IsUpsert = false }, cancellationToken);
        }
        else
        {
            await _outcomes.ReplaceOneAsync(f.Eq(o => o.Id, id), record, new ReplaceOptions { IsUpsert = true }, cancellationToken);
        }

        await _outcomes.DeleteManyAsync(f.Lt(o => o.RecordedAt, expire), cancellationToken);
    }

    public async Task<DocumentOutcome?> GetOutcomeAsync(Guid id, DateTimeOffset expireBefore, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        var key = id.ToString("D");
        var expire = expireBefore.UtcDateTime;
        var record = await _outcomes.Find(o => o.Id == key && o.RecordedAt >= expire).FirstOrDefaultAsync(cancellationToken);
        return record is null ? null : JsonSerializer.Deserialize(record.Outcome.ToJson(MongoCrawlMapper.PlainJson), StorageJson.Default.DocumentOutcome);
    }

    public async Task SaveRunAsync(CrawlRunRecord run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        await InitializeAsync(cancellationToken);
        var record = new MongoCrawlRunRecord { Name = run.CrawlName, Run = BsonDocument.Parse(JsonSerializer.Serialize(run, StorageJson.Default.CrawlRunRecord)) };
        await _crawlRuns.ReplaceOneAsync(r => r.Name == run.CrawlName, record, new ReplaceOptions { IsUpsert = true }, cancellationToken);
    }

    public async Task<IReadOnlyList<CrawlRunRecord>> ListLastRunsAsync(CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        var records = await _crawlRuns.Find(FilterDefinition<MongoCrawlRunRecord>.Empty).SortBy(r => r.Name).ToListAsync(cancellationToken);
        return records.Select(r => JsonSerializer.Deserialize(r.Run.ToJson(MongoCrawlMapper.PlainJson), StorageJson.Default.CrawlRunRecord)!).ToList();
    }

    public async Task<IReadOnlyList<MinuteCount>> StoredPerMinuteAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        var rows = await (await _documents.AggregateAsync(PerMinutePipeline(since), cancellationToken: cancellationToken)).ToListAsync(cancellationToken);
        return rows.Select(r => new MinuteCount(DateTimeOffset.FromUnixTimeMilliseconds(r["_id"].ToInt64()), r["n"].ToInt64())).ToList();
    }

    /// <summary>Documents stored since <paramref name="since"/>, grouped by the whole minute (Unix milliseconds) they were stored in.</summary>
    internal static PipelineDefinition<MongoDocumentRecord, BsonDocument> PerMinutePipeline(DateTimeOffset since)
    {
        var ms = new BsonDocument("$toLong", "$storedAt");
        return new EmptyPipelineDefinition<MongoDocumentRecord>()
            .Match(Builders<MongoDocumentRecord>.Filter.Gte(d => d.StoredAt, since.UtcDateTime))
            .AppendStage<MongoDocumentRecord, MongoDocumentRecord, BsonDocument>(new BsonDocument("$group", new BsonDocument
            {
                { "_id", new BsonDocument("$subtract", new BsonArray { ms, new BsonDocument("$mod", new BsonArray { ms, 60000 }) }) },
                { "n", new BsonDocument("$sum", 1) },
            }))
            .Sort(new BsonDocument("_id", 1));
    }

    public async Task<long> SizeBytesAsync(CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        var stats = await _database.RunCommandAsync<BsonDocument>(new BsonDocument("dbStats", 1), cancellationToken: cancellationToken);
        return (long)(stats.GetValue("storageSize", 0).ToDouble() + stats.GetValue("indexSize", 0).ToDouble());
    }
}
