namespace Pipeline.Mongo;

/// <summary>
/// A parsed <c>mongodb://</c> connection string (the connection-string specification).
/// <c>mongodb+srv://</c> is rejected: it needs DNS SRV/TXT look-ups this client does not do.
/// </summary>
public sealed partial class MongoUrl
{
    private MongoUrl()
    {
    }

    public IReadOnlyList<MongoServerAddress> Hosts { get; private init; } = [];

    /// <summary>The database in the path, if any (also the default auth source).</summary>
    public string? DatabaseName { get; private init; }

    public MongoCredential? Credential { get; private init; }

    public string? ReplicaSetName { get; private init; }

    /// <summary>Null when not given: a single seed without replicaSet is then still discovered, as the spec says.</summary>
    public bool? DirectConnection { get; private init; }

    public bool UseTls { get; private init; }

    public bool TlsAllowInvalidCertificates { get; private init; }

    public bool TlsAllowInvalidHostnames { get; private init; }

    public string? ApplicationName { get; private init; }

    public TimeSpan ConnectTimeout { get; private init; } = TimeSpan.FromSeconds(10);

    /// <summary>Null means no socket timeout (the default).</summary>
    public TimeSpan? SocketTimeout { get; private init; }

    public TimeSpan ServerSelectionTimeout { get; private init; } = TimeSpan.FromSeconds(30);

    public TimeSpan? WaitQueueTimeout { get; private init; }

    public TimeSpan? MaxIdleTime { get; private init; }

    /// <summary>0 means unlimited.</summary>
    public int MaxPoolSize { get; private init; } = 100;

    public bool RetryWrites { get; private init; } = true;

    public bool RetryReads { get; private init; } = true;

    /// <summary>The <c>w</c> option as given: a number or a tag such as <c>majority</c>; null means the server default.</summary>
    public string? W { get; private init; }

    public TimeSpan? WTimeout { get; private init; }

    public bool? Journal { get; private init; }

    /// <summary>Options this client does not know; the caller may log them (the spec says to warn, not fail).</summary>
    public IReadOnlyList<string> UnknownOptions { get; private init; } = [];

    public static MongoUrl Parse(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        const string Scheme = "mongodb://";
        if (connectionString.StartsWith("mongodb+srv://", StringComparison.OrdinalIgnoreCase))
        {
            throw new MongoConfigurationException(
                "mongodb+srv:// connection strings are not supported by Pipeline.Mongo (no DNS SRV look-up); " +
                "list the hosts instead: mongodb://host1:27017,host2:27017/?replicaSet=rs0&tls=true");
        }

        if (!connectionString.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            throw new MongoConfigurationException("A connection string must start with mongodb://.");
        }

        var rest = connectionString[Scheme.Length..];
        var query = string.Empty;
        var q = rest.IndexOf('?', StringComparison.Ordinal);
        if (q >= 0)
        {
            query = rest[(q + 1)..];
            rest = rest[..q];
        }

        string? database = null;
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var at = rest.LastIndexOf('@');
        if (slash >= 0 && slash < at)
        {
            throw new MongoConfigurationException("The username and password must be URL-encoded ('/' found in the user information).");
        }

        if (slash >= 0)
        {
            var path = Decode(rest[(slash + 1)..]);
            rest = rest[..slash];
            if (path.Length > 0)
            {
                if (path.IndexOfAny(['/', '\\', ' ', '"', '$']) >= 0)
                {
                    throw new MongoConfigurationException($"Invalid database name '{path}'.");
                }

                database = path;
            }
        }

        string? username = null;
        string? password = null;
        if (at >= 0)
        {
            var userInfo = rest[..at];
            rest = rest[(at + 1)..];
            if (userInfo.Contains('@', StringComparison.Ordinal))
            {
                throw new MongoConfigurationException("The username and password must be URL-encoded ('@' found).");
            }

            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            if (colon >= 0 && userInfo.IndexOf(':', colon + 1) >= 0)
            {
                throw new MongoConfigurationException("The username and password must be URL-encoded (more than one ':').");
            }

            username = Decode(colon >= 0 ? userInfo[..colon] : userInfo);
            password = colon >= 0 ? Decode(userInfo[(colon + 1)..]) : null;
        }

        if (rest.Length == 0)
        {
            throw new MongoConfigurationException("A connection string needs at least one host.");
        }

        var hosts = new List<MongoServerAddress>();
        foreach (var host in rest.Split(','))
        {
            var decoded = Decode(host);
            if (decoded.EndsWith(".sock", StringComparison.OrdinalIgnoreCase) || decoded.Contains('/', StringComparison.Ordinal))
            {
                throw new MongoConfigurationException($"Unsupported host '{decoded}': UNIX domain sockets are not supported.");
            }

            hosts.Add(MongoServerAddress.Parse(decoded));
        }

        return Build(hosts, database, username, password, query);
    }
}
