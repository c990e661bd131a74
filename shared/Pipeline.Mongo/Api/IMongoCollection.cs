using MongoDB.Bson;

namespace Pipeline.Mongo;

/// <summary>
/// A collection, with the shape of MongoDB.Driver's IMongoCollection&lt;TDocument&gt;. Only <see cref="BsonDocument"/>
/// is supported as <typeparamref name="TDocument"/>: nothing read from the server becomes a typed or polymorphic object.
/// Write failures raise <see cref="MongoWriteException"/> (e.g. duplicate key), <see cref="MongoBulkWriteException"/>
/// (InsertMany) or <see cref="MongoWriteConcernException"/>; other server errors raise <see cref="MongoCommandException"/>.
/// </summary>
public interface IMongoCollection<TDocument>
    where TDocument : BsonDocument
{
    string CollectionName { get; }

    IMongoDatabase Database { get; }

    IMongoIndexManager Indexes { get; }

    /// <summary>Inserts a document, adding an ObjectId <c>_id</c> first if it has none.</summary>
    Task InsertOneAsync(TDocument document, InsertOneOptions? options = null, CancellationToken cancellationToken = default);

    Task InsertManyAsync(IEnumerable<TDocument> documents, InsertManyOptions? options = null, CancellationToken cancellationToken = default);

    Task<ReplaceOneResult> ReplaceOneAsync(BsonDocument filter, TDocument replacement, UpdateOptions? options = null, CancellationToken cancellationToken = default);

    Task<UpdateResult> UpdateOneAsync(BsonDocument filter, BsonDocument update, UpdateOptions? options = null, CancellationToken cancellationToken = default);

    Task<UpdateResult> UpdateManyAsync(BsonDocument filter, BsonDocument update, UpdateOptions? options = null, CancellationToken cancellationToken = default);

    Task<DeleteResult> DeleteOneAsync(BsonDocument filter, DeleteOptions? options = null, CancellationToken cancellationToken = default);

    Task<DeleteResult> DeleteManyAsync(BsonDocument filter, DeleteOptions? options = null, CancellationToken cancellationToken = default);

    Task<IAsyncCursor<TDocument>> FindAsync(BsonDocument filter, FindOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>The first match or null (a find with limit 1 and singleBatch).</summary>
    Task<TDocument?> FindOneAsync(BsonDocument filter, FindOptions? options = null, CancellationToken cancellationToken = default);

    Task<IAsyncCursor<TDocument>> AggregateAsync(IEnumerable<BsonDocument> pipeline, AggregateOptions? options = null, CancellationToken cancellationToken = default);

    Task<long> CountDocumentsAsync(BsonDocument filter, CountOptions? options = null, CancellationToken cancellationToken = default);

    Task<long> EstimatedDocumentCountAsync(CancellationToken cancellationToken = default);
}
