using MongoDB.Bson;

namespace Pipeline.Mongo.Topology;

/// <summary>The client's view of one server, built from a <c>hello</c> reply (SDAM "ServerDescription").</summary>
internal sealed record ServerDescription(MongoServerAddress Address)
{
    public ServerType Type { get; init; }

    public string? Error { get; init; }

    public int MinWireVersion { get; init; }

    public int MaxWireVersion { get; init; }

    public MongoServerAddress? Me { get; init; }

    public IReadOnlyList<MongoServerAddress> Hosts { get; init; } = [];

    public IReadOnlyList<MongoServerAddress> Passives { get; init; } = [];

    public IReadOnlyList<MongoServerAddress> Arbiters { get; init; } = [];

    public string? SetName { get; init; }

    public ObjectId? ElectionId { get; init; }

    public int? SetVersion { get; init; }

    public MongoServerAddress? Primary { get; init; }

    public int? LogicalSessionTimeoutMinutes { get; init; }

    public BsonDocument? TopologyVersion { get; init; }

    public int MaxBsonObjectSize { get; init; } = 16 * 1024 * 1024;

    public int MaxMessageSizeBytes { get; init; } = 48_000_000;

    public int MaxWriteBatchSize { get; init; } = 100_000;

    public bool IsDataBearing => Type is ServerType.Standalone or ServerType.Mongos or ServerType.RSPrimary or ServerType.RSSecondary;

    public IEnumerable<MongoServerAddress> Members => Hosts.Concat(Passives).Concat(Arbiters);

    public static ServerDescription Unknown(MongoServerAddress address, string? error = null) => new(address) { Error = error };

    /// <summary>Parses a <c>hello</c> (or legacy hello) reply; a reply without <c>ok: 1</c> gives Unknown.</summary>
    public static ServerDescription FromHello(MongoServerAddress address, BsonDocument reply)
    {
        if (!reply.TryGetValue("ok", out var ok) || !ok.IsNumeric || ok.ToDouble() != 1)
        {
            return Unknown(address, reply.GetValue("errmsg", "hello failed").ToString());
        }

        var setName = GetString(reply, "setName");
        var writablePrimary = reply.Contains("isWritablePrimary") ? GetBool(reply, "isWritablePrimary") : GetBool(reply, "ismaster");
        ServerType type;
        if (GetString(reply, "msg") == "isdbgrid")
        {
            type = ServerType.Mongos;
        }
        else if (GetBool(reply, "isreplicaset"))
        {
            type = ServerType.RSGhost;
        }
        else if (setName is not null)
        {
            type = writablePrimary ? ServerType.RSPrimary
                : GetBool(reply, "secondary") ? ServerType.RSSecondary
                : GetBool(reply, "arbiterOnly") ? ServerType.RSArbiter
                : ServerType.RSOther;
            if (GetBool(reply, "hidden"))
            {
                type = ServerType.RSOther;
            }
        }
        else
        {
            type = ServerType.Standalone;
        }

        return new ServerDescription(address)
        {
            Type = type,
            MinWireVersion = GetInt(reply, "minWireVersion") ?? 0,
            MaxWireVersion = GetInt(reply, "maxWireVersion") ?? 0,
            Me = ParseAddress(GetString(reply, "me")),
            Hosts = GetAddresses(reply, "hosts"),
            Passives = GetAddresses(reply, "passives"),
            Arbiters = GetAddresses(reply, "arbiters"),
            SetName = setName,
            ElectionId = reply.TryGetValue("electionId", out var e) && e.IsObjectId ? e.AsObjectId : null,
            SetVersion = GetInt(reply, "setVersion"),
            Primary = ParseAddress(GetString(reply, "primary")),
            LogicalSessionTimeoutMinutes = GetInt(reply, "logicalSessionTimeoutMinutes"),
            TopologyVersion = reply.TryGetValue("topologyVersion", out var tv) && tv.IsBsonDocument ? tv.AsBsonDocument : null,
            MaxBsonObjectSize = GetInt(reply, "maxBsonObjectSize") ?? 16 * 1024 * 1024,
            MaxMessageSizeBytes = GetInt(reply, "maxMessageSizeBytes") ?? 48_000_000,
            MaxWriteBatchSize = GetInt(reply, "maxWriteBatchSize") ?? 100_000,
        };
    }

    private static string? GetString(BsonDocument d, string name) =>
        d.TryGetValue(name, out var v) && v.IsString ? v.AsString : null;

    private static bool GetBool(BsonDocument d, string name) =>
        d.TryGetValue(name, out var v) && v.IsBoolean && v.AsBoolean;

    private static int? GetInt(BsonDocument d, string name) =>
        d.TryGetValue(name, out var v) && v.IsNumeric ? v.ToInt32() : null;

    private static MongoServerAddress? ParseAddress(string? value)
    {
        if (value is null)
        {
            return null;
        }

        try
        {
            return MongoServerAddress.Parse(value);
        }
        catch (MongoConfigurationException)
        {
            return null;
        }
    }

    private static List<MongoServerAddress> GetAddresses(BsonDocument d, string name)
    {
        var result = new List<MongoServerAddress>();
        if (d.TryGetValue(name, out var v) && v.IsBsonArray)
        {
            foreach (var item in v.AsBsonArray)
            {
                if (item.IsString && ParseAddress(item.AsString) is { } address)
                {
                    result.Add(address);
                }
            }
        }

        return result;
    }
}
