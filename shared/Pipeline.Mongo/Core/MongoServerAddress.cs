using System.Globalization;

namespace Pipeline.Mongo;

/// <summary>A server's host and port. Host names compare case-insensitively (they are stored lower-case).</summary>
public sealed record MongoServerAddress
{
    public const int DefaultPort = 27017;

    public MongoServerAddress(string host, int port = DefaultPort)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        ArgumentOutOfRangeException.ThrowIfLessThan(port, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        Host = host.ToLowerInvariant();
        Port = port;
    }

    public string Host { get; }

    public int Port { get; }

    /// <summary>Parses <c>host</c>, <c>host:port</c>, <c>[ipv6]</c> or <c>[ipv6]:port</c>.</summary>
    public static MongoServerAddress Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        string host;
        string? port = null;
        if (value.StartsWith('['))
        {
            var end = value.IndexOf(']', StringComparison.Ordinal);
            if (end < 0)
            {
                throw new MongoConfigurationException($"Invalid IPv6 host '{value}': missing ']'.");
            }

            host = value[1..end];
            var rest = value[(end + 1)..];
            if (rest.Length > 0)
            {
                if (rest[0] != ':')
                {
                    throw new MongoConfigurationException($"Invalid host '{value}'.");
                }

                port = rest[1..];
            }
        }
        else
        {
            var colon = value.LastIndexOf(':');
            if (colon >= 0 && value.IndexOf(':', StringComparison.Ordinal) != colon)
            {
                throw new MongoConfigurationException($"Invalid host '{value}': IPv6 addresses must be in brackets.");
            }

            host = colon >= 0 ? value[..colon] : value;
            port = colon >= 0 ? value[(colon + 1)..] : null;
        }

        if (host.Length == 0)
        {
            throw new MongoConfigurationException($"Empty host in '{value}'.");
        }

        var portNumber = DefaultPort;
        if (port is not null
            && (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out portNumber) || portNumber is < 1 or > 65535))
        {
            throw new MongoConfigurationException($"Invalid port in '{value}'.");
        }

        return new MongoServerAddress(host, portNumber);
    }

    public override string ToString() =>
        Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{Port}" : $"{Host}:{Port}";
}
