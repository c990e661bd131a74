using MongoDB.Bson;

namespace Pipeline.Mongo.Topology;

/// <summary>
/// The server discovery state machine of the SDAM specification ("Updating the TopologyDescription"):
/// pure logic, fed with <c>hello</c> outcomes, so it is tested with the specification's scenarios.
/// Not thread-safe: <see cref="Cluster"/> serialises access.
/// </summary>
internal sealed class TopologyDescription
{
    private readonly Dictionary<MongoServerAddress, ServerDescription> _servers = [];
    private readonly int _seedCount;

    public TopologyDescription(IReadOnlyList<MongoServerAddress> seeds, string? replicaSetName, bool directConnection)
    {
        _seedCount = seeds.Count;
        SetName = replicaSetName;
        Type = directConnection ? TopologyType.Single
            : replicaSetName is not null ? TopologyType.ReplicaSetNoPrimary
            : TopologyType.Unknown;
        foreach (var seed in seeds)
        {
            _servers[seed] = ServerDescription.Unknown(seed);
        }
    }

    public TopologyType Type { get; private set; }

    public string? SetName { get; private set; }

    public int? MaxSetVersion { get; private set; }

    public ObjectId? MaxElectionId { get; private set; }

    public string? CompatibilityError { get; private set; }

    public bool IsCompatible => CompatibilityError is null;

    public int? LogicalSessionTimeoutMinutes { get; private set; }

    public IReadOnlyCollection<ServerDescription> Servers => _servers.Values;

    public ServerDescription? Find(MongoServerAddress address) => _servers.GetValueOrDefault(address);

    /// <summary>A failed check (network error, timeout): the server becomes Unknown.</summary>
    public void ApplyError(MongoServerAddress address, string error) => Apply(ServerDescription.Unknown(address, error));

    public void Apply(ServerDescription description)
    {
        if (!_servers.TryGetValue(description.Address, out var current))
        {
            return;
        }

        if (description.Type != ServerType.Unknown && IsOlder(description.TopologyVersion, current.TopologyVersion))
        {
            return;
        }

        _servers[description.Address] = description;
        if (Type == TopologyType.Single)
        {
            if (SetName is not null && description.Type != ServerType.Unknown && description.SetName != SetName)
            {
                _servers[description.Address] = ServerDescription.Unknown(description.Address, $"replicaSet is '{SetName}' but the server reports '{description.SetName}'");
            }

            Refresh();
            return;
        }

        switch (Type, description.Type)
        {
            case (_, ServerType.Unknown or ServerType.PossiblePrimary):
                if (Type == TopologyType.ReplicaSetWithPrimary)
                {
                    CheckIfHasPrimary();
                }

                break;
            case (TopologyType.Unknown, ServerType.Standalone):
                if (_seedCount == 1)
                {
                    Type = TopologyType.Single;
                }
                else
                {
                    _servers.Remove(description.Address);
                }

                break;
            case (TopologyType.Unknown, ServerType.Mongos):
                Type = TopologyType.Sharded;
                break;
            case (TopologyType.Unknown or TopologyType.ReplicaSetNoPrimary or TopologyType.ReplicaSetWithPrimary, ServerType.RSPrimary):
                Type = TopologyType.ReplicaSetWithPrimary;
                UpdateFromPrimary(description);
                break;
            case (TopologyType.Unknown or TopologyType.ReplicaSetNoPrimary, ServerType.RSSecondary or ServerType.RSArbiter or ServerType.RSOther):
                Type = TopologyType.ReplicaSetNoPrimary;
                UpdateWithoutPrimary(description);
                break;
            case (TopologyType.ReplicaSetWithPrimary, ServerType.RSSecondary or ServerType.RSArbiter or ServerType.RSOther):
                UpdateWithPrimaryFromMember(description);
                break;
            case (TopologyType.Unknown or TopologyType.ReplicaSetNoPrimary, ServerType.RSGhost):
            case (TopologyType.Sharded, ServerType.Mongos):
                break;
            case (TopologyType.ReplicaSetWithPrimary, ServerType.RSGhost):
                CheckIfHasPrimary();
                break;
            case (TopologyType.ReplicaSetWithPrimary, _):
                _servers.Remove(description.Address);
                CheckIfHasPrimary();
                break;
            default:
                // Standalone/Mongos in a replica set, or a replica-set member in a sharded cluster.
                _servers.Remove(description.Address);
                break;
        }

        Refresh();
    }

    private void UpdateWithoutPrimary(ServerDescription description)
    {
        if (SetName is null)
        {
            SetName = description.SetName;
        }
        else if (SetName != description.SetName)
        {
            _servers.Remove(description.Address);
            return;
        }

        AddMembers(description);
        if (description.Primary is { } primary && _servers.TryGetValue(primary, out var hinted) && hinted.Type == ServerType.Unknown)
        {
            _servers[primary] = hinted with { Type = ServerType.PossiblePrimary };
        }

        if (description.Me is not null && description.Me != description.Address)
        {
            _servers.Remove(description.Address);
        }
    }

    private void UpdateWithPrimaryFromMember(ServerDescription description)
    {
        if (SetName != description.SetName || (description.Me is not null && description.Me != description.Address))
        {
            _servers.Remove(description.Address);
            CheckIfHasPrimary();
            return;
        }

        if (!_servers.Values.Any(s => s.Type == ServerType.RSPrimary))
        {
            Type = TopologyType.ReplicaSetNoPrimary;
            if (description.Primary is { } primary && _servers.TryGetValue(primary, out var hinted) && hinted.Type == ServerType.Unknown)
            {
                _servers[primary] = hinted with { Type = ServerType.PossiblePrimary };
            }
        }
    }

    private void UpdateFromPrimary(ServerDescription description)
    {
        if (SetName is null)
        {
            SetName = description.SetName;
        }
        else if (SetName != description.SetName)
        {
            _servers.Remove(description.Address);
            CheckIfHasPrimary();
            return;
        }

        if (description.MaxWireVersion >= 17)
        {
            var electionOrder = Compare(description.ElectionId, MaxElectionId);
            if (electionOrder > 0 || (electionOrder == 0 && Compare(description.SetVersion, MaxSetVersion) >= 0))
            {
                MaxElectionId = description.ElectionId;
                MaxSetVersion = description.SetVersion;
            }
            else
            {
                MarkStale(description);
                return;
            }
        }
        else
        {
            if (description.SetVersion is not null && description.ElectionId is not null)
            {
                if (MaxSetVersion is not null && MaxElectionId is not null
                    && (MaxSetVersion > description.SetVersion
                        || (MaxSetVersion == description.SetVersion && Compare(MaxElectionId, description.ElectionId) > 0)))
                {
                    MarkStale(description);
                    return;
                }

                MaxElectionId = description.ElectionId;
            }

            if (description.SetVersion is not null && (MaxSetVersion is null || description.SetVersion > MaxSetVersion))
            {
                MaxSetVersion = description.SetVersion;
            }
        }

        foreach (var other in _servers.Values.ToList())
        {
            if (other.Address != description.Address && other.Type == ServerType.RSPrimary)
            {
                _servers[other.Address] = ServerDescription.Unknown(other.Address, "primary marked stale due to discovery of newer primary");
            }
        }

        AddMembers(description);
        var members = description.Members.ToHashSet();
        foreach (var address in _servers.Keys.ToList())
        {
            if (!members.Contains(address))
            {
                _servers.Remove(address);
            }
        }

        CheckIfHasPrimary();
    }

    private void MarkStale(ServerDescription description)
    {
        _servers[description.Address] = ServerDescription.Unknown(
            description.Address,
            $"primary marked stale due to electionId/setVersion mismatch, ({description.ElectionId}, {description.SetVersion}) is stale compared to ({MaxElectionId}, {MaxSetVersion})");
        CheckIfHasPrimary();
    }

    private void AddMembers(ServerDescription description)
    {
        foreach (var address in description.Members)
        {
            _servers.TryAdd(address, ServerDescription.Unknown(address));
        }
    }

    private void CheckIfHasPrimary() =>
        Type = _servers.Values.Any(s => s.Type == ServerType.RSPrimary) ? TopologyType.ReplicaSetWithPrimary : TopologyType.ReplicaSetNoPrimary;

    private void Refresh()
    {
        CompatibilityError = null;
        foreach (var server in _servers.Values)
        {
            if (server.Type is not (ServerType.Unknown or ServerType.PossiblePrimary)
                && WireVersion.CheckCompatibility(server.Address, server.MinWireVersion, server.MaxWireVersion) is { } error)
            {
                CompatibilityError = error;
                break;
            }
        }

        int? minutes = null;
        var any = false;
        foreach (var server in _servers.Values)
        {
            if (!server.IsDataBearing)
            {
                continue;
            }

            if (server.LogicalSessionTimeoutMinutes is null)
            {
                minutes = null;
                any = false;
                break;
            }

            minutes = any ? Math.Min(minutes!.Value, server.LogicalSessionTimeoutMinutes.Value) : server.LogicalSessionTimeoutMinutes;
            any = true;
        }

        LogicalSessionTimeoutMinutes = any ? minutes : null;
    }

    // Null sorts before any value, as the SDAM pseudo-code requires.
    private static int Compare(ObjectId? a, ObjectId? b) =>
        a is null ? (b is null ? 0 : -1) : b is null ? 1 : a.Value.CompareTo(b.Value);

    private static int Compare(int? a, int? b) =>
        a is null ? (b is null ? 0 : -1) : b is null ? 1 : a.Value.CompareTo(b.Value);

    private static bool IsOlder(BsonDocument? incoming, BsonDocument? current)
    {
        if (incoming is null || current is null)
        {
            return false;
        }

        if (incoming.GetValue("processId", BsonNull.Value) != current.GetValue("processId", BsonNull.Value))
        {
            return false;
        }

        return incoming.GetValue("counter", 0).ToInt64() < current.GetValue("counter", 0).ToInt64();
    }
}
