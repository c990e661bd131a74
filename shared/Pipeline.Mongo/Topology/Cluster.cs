using Pipeline.Mongo.Core;

namespace Pipeline.Mongo.Topology;

/// <summary>
/// Finds the server to talk to. Discovery runs on demand (no background monitor threads): when no suitable server
/// is known, every known server is checked with <c>hello</c> and the replies go through the SDAM state machine,
/// until a primary (or standalone / mongos) appears or serverSelectionTimeoutMS passes. Errors that mean
/// "this server is not what we thought" mark it Unknown, so the next operation discovers again.
/// </summary>
internal sealed class Cluster : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _scanLock = new(1, 1);
    private readonly MongoClientSettings _settings;
    private readonly ConnectionFactory _factory;
    private readonly TopologyDescription _topology;
    private readonly Dictionary<MongoServerAddress, ConnectionPool> _pools = [];
    private long _lastScanTicks;

    public Cluster(MongoClientSettings settings)
    {
        _settings = settings;
        _factory = new ConnectionFactory(settings);
        var url = settings.Url;
        _topology = new TopologyDescription(url.Hosts, url.ReplicaSetName, url.DirectConnection == true);
    }

    internal ConnectionFactory Factory => _factory;

    /// <summary>A one-line picture of the topology, for error messages.</summary>
    public string Describe()
    {
        lock (_lock)
        {
            return $"{_topology.Type}" + (_topology.SetName is null ? string.Empty : $" '{_topology.SetName}'") + ": "
                + string.Join(", ", _topology.Servers.Select(s => $"{s.Address} {s.Type}" + (s.Error is null ? string.Empty : $" ({s.Error})")));
        }
    }

    internal TopologyType CurrentType
    {
        get
        {
            lock (_lock)
            {
                return _topology.Type;
            }
        }
    }

    public async Task<SelectedServer> SelectServerAsync(CancellationToken cancellationToken)
    {
        var timeout = _settings.Url.ServerSelectionTimeout;
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var selected = TrySelect();
            if (selected is not null)
            {
                return selected;
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new MongoTimeoutException($"No writable server found within {timeout.TotalSeconds:0.###} s. {Describe()}");
            }

            await ScanAsync(deadline, cancellationToken);
        }
    }

    private SelectedServer? TrySelect()
    {
        lock (_lock)
        {
            if (_topology.CompatibilityError is { } error)
            {
                throw new MongoIncompatibleDriverException(error);
            }

            var server = _topology.Type switch
            {
                TopologyType.Single => _topology.Servers.FirstOrDefault(s => s.Type != ServerType.Unknown),
                TopologyType.ReplicaSetWithPrimary => _topology.Servers.FirstOrDefault(s => s.Type == ServerType.RSPrimary),
                TopologyType.Sharded => _topology.Servers.Where(s => s.Type == ServerType.Mongos).OrderBy(_ => Random.Shared.Next()).FirstOrDefault(),
                _ => null,
            };
            if (server is null)
            {
                return null;
            }

            if (!_pools.TryGetValue(server.Address, out var pool))
            {
                var url = _settings.Url;
                pool = new ConnectionPool(server.Address, _factory, url.MaxPoolSize, url.WaitQueueTimeout ?? url.ServerSelectionTimeout, url.MaxIdleTime);
                _pools[server.Address] = pool;
            }

            return new SelectedServer(server, pool, _topology.Type, _topology.LogicalSessionTimeoutMinutes is not null);
        }
    }

    /// <summary>Checks every known server once (and servers they reveal), at most once per minimum heartbeat interval.</summary>
    private async Task ScanAsync(DateTime deadline, CancellationToken cancellationToken)
    {
        var startedWaiting = Interlocked.Read(ref _lastScanTicks);
        await _scanLock.WaitAsync(cancellationToken);
        try
        {
            if (Interlocked.Read(ref _lastScanTicks) != startedWaiting)
            {
                return; // someone else scanned while we waited; re-evaluate their result first
            }

            var sinceLast = TimeSpan.FromTicks(DateTime.UtcNow.Ticks - startedWaiting);
            var pause = _settings.MinHeartbeatInterval - sinceLast;
            if (pause > TimeSpan.Zero && startedWaiting != 0)
            {
                var remaining = deadline - DateTime.UtcNow;
                await Task.Delay(pause < remaining ? pause : remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, cancellationToken);
            }

            var checkedAddresses = new HashSet<MongoServerAddress>();
            for (var round = 0; round < 5; round++)
            {
                List<MongoServerAddress> toCheck;
                lock (_lock)
                {
                    toCheck = _topology.Servers.Select(s => s.Address).Where(checkedAddresses.Add).ToList();
                }

                if (toCheck.Count == 0)
                {
                    break;
                }

                var outcomes = await Task.WhenAll(toCheck.Select(a => CheckAsync(a, cancellationToken)));
                lock (_lock)
                {
                    foreach (var description in outcomes)
                    {
                        _topology.Apply(description);
                    }

                    RemoveStalePools();
                }
            }

            Interlocked.Exchange(ref _lastScanTicks, DateTime.UtcNow.Ticks);
        }
        finally
        {
            _scanLock.Release();
        }
    }

    private async Task<ServerDescription> CheckAsync(MongoServerAddress address, CancellationToken cancellationToken)
    {
        try
        {
            var reply = await _factory.CheckAsync(address, cancellationToken);
            return ServerDescription.FromHello(address, reply);
        }
        catch (MongoConnectionException ex)
        {
            return ServerDescription.Unknown(address, ex.Message);
        }
    }

    /// <summary>Marks a server Unknown after an error that shows our picture of it is wrong.</summary>
    public void MarkUnknown(MongoServerAddress address, string error, bool clearPool)
    {
        lock (_lock)
        {
            _topology.ApplyError(address, error);
            if (clearPool && _pools.TryGetValue(address, out var pool))
            {
                pool.Clear();
            }
        }
    }

    private void RemoveStalePools()
    {
        foreach (var address in _pools.Keys.ToList())
        {
            if (_topology.Find(address) is null)
            {
                _ = _pools[address].DisposeAsync().AsTask();
                _pools.Remove(address);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        List<ConnectionPool> pools;
        lock (_lock)
        {
            pools = [.. _pools.Values];
            _pools.Clear();
        }

        foreach (var pool in pools)
        {
            await pool.DisposeAsync();
        }

        _scanLock.Dispose();
    }
}
