using MongoDB.Bson;

namespace Pipeline.Mongo.Tests.Harness;

/// <summary>The unified format's client/database/collection entities, all pointed at one fake server.</summary>
internal sealed class Entities(string serverAddress) : IAsyncDisposable
{
    public Dictionary<string, ClientEntity> Clients { get; } = [];

    public Dictionary<string, IMongoDatabase> Databases { get; } = [];

    public Dictionary<string, IMongoCollection<BsonDocument>> Collections { get; } = [];

    public void Create(BsonArray entities)
    {
        foreach (var entity in entities.Select(e => e.AsBsonDocument))
        {
            var (kind, spec) = (entity.GetElement(0).Name, entity[0].AsBsonDocument);
            switch (kind)
            {
                case "client":
                    var uri = $"mongodb://{serverAddress}/?replicaSet=rs&serverSelectionTimeoutMS=5000&connectTimeoutMS=5000";
                    foreach (var option in spec.GetValue("uriOptions", new BsonDocument()).AsBsonDocument)
                    {
                        uri += $"&{option.Name}={option.Value.ToString()!.ToLowerInvariant()}";
                    }

                    var listener = new RecordingListener();
                    var client = new MongoClient(new MongoClientSettings(MongoUrl.Parse(uri)) { CommandListener = listener, MinHeartbeatInterval = TimeSpan.FromMilliseconds(10) });
                    var observe = spec.GetValue("observeEvents", new BsonArray()).AsBsonArray.Select(v => v.AsString).ToHashSet();
                    var ignore = spec.GetValue("ignoreCommandMonitoringEvents", new BsonArray()).AsBsonArray.Select(v => v.AsString).ToHashSet();
                    Clients[spec["id"].AsString] = new ClientEntity(client, listener, observe, ignore);
                    break;
                case "database":
                    Databases[spec["id"].AsString] = Clients[spec["client"].AsString].Client.GetDatabase(spec["databaseName"].AsString);
                    break;
                case "collection":
                    Collections[spec["id"].AsString] = Databases[spec["database"].AsString].GetCollection<BsonDocument>(spec["collectionName"].AsString);
                    break;
                default:
                    throw new InvalidOperationException($"entity kind {kind} is not supported");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in Clients.Values)
        {
            await client.Client.DisposeAsync();
        }
    }
}

internal sealed record ClientEntity(MongoClient Client, RecordingListener Listener, HashSet<string> ObserveEvents, HashSet<string> IgnoreCommands)
{
    public bool Observes(object e) => e switch
    {
        CommandStartedEvent s => ObserveEvents.Contains("commandStartedEvent") && !IgnoreCommands.Contains(s.CommandName),
        CommandSucceededEvent s => ObserveEvents.Contains("commandSucceededEvent") && !IgnoreCommands.Contains(s.CommandName),
        CommandFailedEvent f => ObserveEvents.Contains("commandFailedEvent") && !IgnoreCommands.Contains(f.CommandName),
        _ => false,
    };
}
