using MongoDB.Bson;

namespace Pipeline.Mongo;

public sealed class FindOptions
{
    public BsonDocument? Sort { get; init; }

    public BsonDocument? Projection { get; init; }

    public int? Skip { get; init; }

    /// <summary>Total documents to return; a negative value means "one batch only".</summary>
    public int? Limit { get; init; }

    public int? BatchSize { get; init; }

    public BsonValue? Comment { get; init; }

    public BsonValue? Hint { get; init; }

    public TimeSpan? MaxTime { get; init; }

    public BsonDocument? Min { get; init; }

    public BsonDocument? Max { get; init; }

    public bool? ReturnKey { get; init; }

    public bool? ShowRecordId { get; init; }

    public bool? AllowDiskUse { get; init; }

    public BsonDocument? Collation { get; init; }
}
