using MongoDB.Bson;

namespace Pipeline.Mongo;

public sealed class DeleteOptions
{
    public BsonValue? Comment { get; init; }

    public BsonDocument? Hint { get; init; }

    public BsonDocument? Collation { get; init; }
}
