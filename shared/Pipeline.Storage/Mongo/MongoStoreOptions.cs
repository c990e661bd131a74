namespace Pipeline.Storage.Mongo;

/// <summary>Where the MongoDB store keeps documents (<c>Pipeline:Mongo:ConnectionString</c>, <c>Database</c>, <c>Collection</c>).</summary>
public sealed class MongoStoreOptions
{
    /// <summary>A <c>mongodb://</c> connection string.</summary>
    public required string ConnectionString { get; init; }

    public string Database { get; init; } = "pipeline";

    /// <summary>The documents collection; duplicates, crawls and fetch state live in <c>{Collection}.duplicates</c>, <c>.crawls</c>, <c>.fetchState</c>.</summary>
    public string Collection { get; init; } = "documents";
}
