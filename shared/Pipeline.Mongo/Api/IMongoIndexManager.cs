using MongoDB.Bson;

namespace Pipeline.Mongo;

public interface IMongoIndexManager
{
    /// <summary>Creates the indexes (a no-op for ones that already exist with the same spec) and returns their names.</summary>
    Task<IReadOnlyList<string>> CreateManyAsync(IEnumerable<CreateIndexModel> models, CancellationToken cancellationToken = default);

    Task<string> CreateOneAsync(CreateIndexModel model, CancellationToken cancellationToken = default);

    Task<IAsyncCursor<BsonDocument>> ListAsync(CancellationToken cancellationToken = default);

    Task DropOneAsync(string name, CancellationToken cancellationToken = default);
}
