using MongoDB.Bson;

namespace Pipeline.Mongo;

public sealed class CountOptions
{
    public long? Skip { get; init; }

    public long? Limit { get; init; }

    public BsonValue? Comment { get; init; }

    public BsonValue? Hint { get; init; }

    public TimeSpan? MaxTime { get; init; }
}
