using MongoDB.Bson;

namespace Pipeline.Mongo.Operations;

/// <summary>
/// The highest <c>$clusterTime</c> seen in any reply, gossiped back on every command (driver sessions
/// specification), so replica sets and mongos see this client's causal position. Signed documents are passed on as
/// received; the client never forges one.
/// </summary>
internal sealed class ClusterClock
{
    private readonly Lock _lock = new();
    private BsonDocument? _current;

    public BsonDocument? Current
    {
        get
        {
            lock (_lock)
            {
                return _current;
            }
        }
    }

    public void Advance(BsonDocument reply)
    {
        if (!reply.TryGetValue("$clusterTime", out var value) || value is not BsonDocument candidate
            || !candidate.TryGetValue("clusterTime", out var time) || time is not BsonTimestamp timestamp)
        {
            return;
        }

        lock (_lock)
        {
            if (_current is null || timestamp.CompareTo(_current["clusterTime"].AsBsonTimestamp) > 0)
            {
                _current = candidate;
            }
        }
    }
}
