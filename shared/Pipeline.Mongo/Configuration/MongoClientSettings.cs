namespace Pipeline.Mongo;

/// <summary>Everything a <see cref="MongoClient"/> needs: the parsed connection string plus code-only options.</summary>
public sealed class MongoClientSettings
{
    public MongoClientSettings(MongoUrl url)
    {
        ArgumentNullException.ThrowIfNull(url);
        Url = url;
    }

    public MongoUrl Url { get; }

    /// <summary>Receives command-monitoring events (e.g. for logging or tests).</summary>
    public IMongoCommandListener? CommandListener { get; init; }

    /// <summary>Minimum pause between two discovery rounds when no primary is known (SDAM minHeartbeatFrequencyMS).</summary>
    public TimeSpan MinHeartbeatInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Makes SCRAM client nonces; replaceable only so tests can replay the specification's conversations.</summary>
    internal Func<string>? NonceFactory { get; init; }

    public static MongoClientSettings FromConnectionString(string connectionString) => new(MongoUrl.Parse(connectionString));
}
