using MongoDB.Bson;

namespace Pipeline.Mongo;

public interface IMongoDatabase
{
    string DatabaseName { get; }

    IMongoClient Client { get; }

    /// <summary>A collection of <see cref="BsonDocument"/>s (the only document type this client reads or writes).</summary>
    IMongoCollection<TDocument> GetCollection<TDocument>(string name)
        where TDocument : BsonDocument;

    /// <summary>Runs a command on the primary and returns the reply (<c>ok: 0</c> throws <see cref="MongoCommandException"/>).</summary>
    Task<BsonDocument> RunCommandAsync(BsonDocument command, CancellationToken cancellationToken = default);

    /// <summary>Drops a collection; a missing collection is not an error.</summary>
    Task DropCollectionAsync(string name, CancellationToken cancellationToken = default);
}
