using MongoDB.Bson;

namespace Pipeline.Mongo;

/// <summary>Options of <see cref="IMongoCollection{TDocument}.InsertOneAsync"/>.</summary>
public sealed class InsertOneOptions
{
    public BsonValue? Comment { get; init; }
}
