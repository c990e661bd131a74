using MongoDB.Bson;

namespace Pipeline.Mongo;

/// <summary>Options of updates and replacements.</summary>
public sealed class UpdateOptions
{
    public bool IsUpsert { get; init; }

    public BsonValue? Comment { get; init; }

    public BsonDocument? Hint { get; init; }

    public BsonDocument? Collation { get; init; }

    public IReadOnlyList<BsonDocument>? ArrayFilters { get; init; }
}
