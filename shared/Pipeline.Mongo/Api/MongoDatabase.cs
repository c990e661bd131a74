using MongoDB.Bson;
using Pipeline.Mongo.Operations;

namespace Pipeline.Mongo;

internal sealed class MongoDatabase(MongoClient client, OperationExecutor executor, string name) : IMongoDatabase
{
    public string DatabaseName { get; } = ValidName(name);

    public IMongoClient Client => client;

    public IMongoCollection<TDocument> GetCollection<TDocument>(string name)
        where TDocument : BsonDocument =>
        new MongoCollection(this, executor, name) as IMongoCollection<TDocument>
            ?? throw new NotSupportedException($"Only BsonDocument collections are supported, not {typeof(TDocument).Name}.");

    public Task<BsonDocument> RunCommandAsync(BsonDocument command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        return executor.ExecuteCommandAsync(DatabaseName, command, retryable: false, cancellationToken);
    }

    public async Task DropCollectionAsync(string name, CancellationToken cancellationToken = default)
    {
        try
        {
            await executor.ExecuteWriteAsync(DatabaseName, new BsonDocument("drop", name), null, retryable: false, acknowledged: true, cancellationToken);
        }
        catch (MongoCommandException ex) when (ex.Code == 26)
        {
            // NamespaceNotFound: already gone.
        }
    }

    private static string ValidName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.IndexOfAny(['/', '\\', '.', ' ', '"', '$', '\0']) >= 0)
        {
            throw new ArgumentException($"'{name}' is not a valid database name.", nameof(name));
        }

        return name;
    }
}
