using Pipeline.Mongo.Core;

namespace Pipeline.Mongo.Topology;

/// <summary>The outcome of server selection: where to send a command, and what the topology looked like then.</summary>
internal sealed record SelectedServer(ServerDescription Description, ConnectionPool Pool, TopologyType TopologyType, bool SessionsSupported)
{
    public MongoServerAddress Address => Description.Address;

    /// <summary>txnNumber is rejected by a standalone; retryable writes need a replica set or mongos.</summary>
    public bool SupportsRetryableWrites => SessionsSupported && Description.Type != ServerType.Standalone;
}
