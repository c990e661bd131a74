using Pipeline.Mongo.Operations;
using Pipeline.Mongo.Topology;

namespace Pipeline.Mongo;

/// <summary>
/// The entry point, as in MongoDB.Driver: create one per process and share it. No I/O happens until the first
/// operation; servers are then discovered from the connection string's seeds.
/// </summary>
public sealed class MongoClient : IMongoClient
{
    private readonly Cluster _cluster;
    private readonly OperationExecutor _executor;

    public MongoClient(string connectionString)
        : this(MongoClientSettings.FromConnectionString(connectionString))
    {
    }

    public MongoClient(MongoClientSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings;
        _cluster = new Cluster(settings);
        _executor = new OperationExecutor(_cluster, settings);
    }

    public MongoClientSettings Settings { get; }

    /// <summary>The current view of the deployment, e.g. for a health check's description.</summary>
    public string DescribeTopology() => _cluster.Describe();

    public IMongoDatabase GetDatabase(string name) => new MongoDatabase(this, _executor, name);

    public ValueTask DisposeAsync() => _cluster.DisposeAsync();

    public void Dispose() => _cluster.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
