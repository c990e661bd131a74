using MongoDB.Bson;

namespace Pipeline.Mongo;

public sealed class AggregateOptions
{
    public int? BatchSize { get; init; }

    public BsonValue? Comment { get; init; }

    public bool? AllowDiskUse { get; init; }

    public TimeSpan? MaxTime { get; init; }

    public BsonValue? Hint { get; init; }

    public BsonDocument? Let { get; init; }

    public BsonDocument? Collation { get; init; }
}
