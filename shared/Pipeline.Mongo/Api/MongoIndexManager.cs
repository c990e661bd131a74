using MongoDB.Bson;
using Pipeline.Mongo.Operations;

namespace Pipeline.Mongo;

internal sealed class MongoIndexManager(MongoCollection collection, OperationExecutor executor) : IMongoIndexManager
{
    public async Task<IReadOnlyList<string>> CreateManyAsync(IEnumerable<CreateIndexModel> models, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(models);
        var specs = models.Select(CommandFactory.IndexSpec).ToList();
        if (specs.Count == 0)
        {
            return [];
        }

        var command = new BsonDocument { { "createIndexes", collection.CollectionName }, { "indexes", new BsonArray(specs) } };
        var database = collection.Database.DatabaseName;
        var reply = await executor.ExecuteWriteAsync(database, command, null, retryable: false, acknowledged: true, cancellationToken);
        WriteReply.ThrowIfFailed(reply);
        return specs.Select(s => s["name"].AsString).ToList();
    }

    public async Task<string> CreateOneAsync(CreateIndexModel model, CancellationToken cancellationToken = default) =>
        (await CreateManyAsync([model], cancellationToken))[0];

    public async Task<IAsyncCursor<BsonDocument>> ListAsync(CancellationToken cancellationToken = default)
    {
        var command = new BsonDocument { { "listIndexes", collection.CollectionName }, { "cursor", new BsonDocument() } };
        return await collection.OpenCursorAsync(command, null, 0, null, cancellationToken);
    }

    public async Task DropOneAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var command = new BsonDocument { { "dropIndexes", collection.CollectionName }, { "index", name } };
        var reply = await executor.ExecuteWriteAsync(collection.Database.DatabaseName, command, null, retryable: false, acknowledged: true, cancellationToken);
        WriteReply.ThrowIfFailed(reply);
    }
}
