using MongoDB.Bson;

namespace Pipeline.Mongo;

/// <summary>
/// A collection of <see cref="BsonDocument"/>s, with the method names of MongoDB.Driver's IMongoCollection&lt;BsonDocument&gt;.
/// Write failures raise <see cref="MongoWriteException"/> (e.g. duplicate key), <see cref="MongoBulkWriteException"/>
/// (InsertMany) or <see cref="MongoWriteConcernException"/>; other server errors raise <see cref="MongoCommandException"/>.
/// </summary>
public interface IMongoCollection
{
    string CollectionName { get; }

    IMongoDatabase Database { get; }

    IMongoIndexManager Indexes { get; }

    /// <summary>Inserts a document, adding an ObjectId <c>_id</c> first if it has none.</summary>
    Task InsertOneAsync(BsonDocument document, InsertOneOptions? options = null, CancellationToken cancellationToken = default);

    Task InsertManyAsync(IEnumerable<BsonDocument> documents, InsertManyOptions? options = null, CancellationToken cancellationToken = default);

    Task<UpdateResult> ReplaceOneAsync(BsonDocument filter, BsonDocument replacement, UpdateOptions? options = null, CancellationToken cancellationToken = default);

    Task<UpdateResult> UpdateOneAsync(BsonDocument filter, BsonDocument update, UpdateOptions? options = null, CancellationToken cancellationToken = default);

    Task<UpdateResult> UpdateManyAsync(BsonDocument filter, BsonDocument update, UpdateOptions? options = null, CancellationToken cancellationToken = default);

    Task<DeleteResult> DeleteOneAsync(BsonDocument filter, DeleteOptions? options = null, CancellationToken cancellationToken = default);

    Task<DeleteResult> DeleteManyAsync(BsonDocument filter, DeleteOptions? options = null, CancellationToken cancellationToken = default);

    Task<IAsyncCursor<BsonDocument>> FindAsync(BsonDocument filter, FindOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>The first match or null (a find with limit 1 and singleBatch).</summary>
    Task<BsonDocument?> FindOneAsync(BsonDocument filter, FindOptions? options = null, CancellationToken cancellationToken = default);

    Task<IAsyncCursor<BsonDocument>> AggregateAsync(IEnumerable<BsonDocument> pipeline, AggregateOptions? options = null, CancellationToken cancellationToken = default);

    Task<long> CountDocumentsAsync(BsonDocument filter, CountOptions? options = null, CancellationToken cancellationToken = default);

    Task<long> EstimatedDocumentCountAsync(CancellationToken cancellationToken = default);
}
