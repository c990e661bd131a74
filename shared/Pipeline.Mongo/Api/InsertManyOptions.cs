using MongoDB.Bson;

namespace Pipeline.Mongo;

public sealed class InsertManyOptions
{
    /// <summary>Stop at the first failing document (the default) or try them all.</summary>
    public bool IsOrdered { get; init; } = true;

    public BsonValue? Comment { get; init; }
}
