using System.Globalization;
using Pipeline.Mongo.Configuration;

namespace Pipeline.Mongo;

/// <summary>The query-string options of a connection string: names are case-insensitive, values strict.</summary>
public sealed partial class MongoUrl
{
    private static MongoUrl Build(List<MongoServerAddress> hosts, string? database, string? username, string? password, string query)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in query.Split(['&', ';'], StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new MongoConfigurationException($"Invalid connection option '{pair}' (expected key=value).");
            }

            options[Decode(pair[..eq])] = Decode(pair[(eq + 1)..]);
        }

        var unknown = new List<string>();
        bool? tls = null;
        bool? direct = null;
        bool? journal = null;
        bool insecure = false, invalidCerts = false, invalidHosts = false, retryWrites = true, retryReads = true;
        string? replicaSet = null, appName = null, w = null, authSource = null, mechanism = null;
        Dictionary<string, string>? properties = null;
        TimeSpan connect = TimeSpan.FromSeconds(10), selection = TimeSpan.FromSeconds(30);
        TimeSpan? socket = null, waitQueue = null, wtimeout = null, maxIdle = null;
        var maxPool = 100;
        foreach (var (key, value) in options)
        {
            switch (key.ToLowerInvariant())
            {
                case "tls":
                case "ssl":
                    var t = ParseBool(key, value);
                    if (tls is not null && tls != t)
                    {
                        throw new MongoConfigurationException("tls and ssl must not conflict.");
                    }

                    tls = t;
                    break;
                case "tlsinsecure": insecure = ParseBool(key, value); break;
                case "tlsallowinvalidcertificates": invalidCerts = ParseBool(key, value); break;
                case "tlsallowinvalidhostnames": invalidHosts = ParseBool(key, value); break;
                case "tlscafile" or "tlscertificatekeyfile" or "tlscertificatekeyfilepassword":
                    throw new MongoConfigurationException($"{key} is not supported; install the CA in the system trust store instead.");
                case "directconnection": direct = ParseBool(key, value); break;
                case "replicaset": replicaSet = NonEmpty(key, value); break;
                case "appname": appName = value; break;
                case "connecttimeoutms": connect = ParseMs(key, value) ?? TimeSpan.FromSeconds(10); break;
                case "sockettimeoutms": socket = ParseMs(key, value); break;
                case "serverselectiontimeoutms": selection = ParseMs(key, value) ?? TimeSpan.FromSeconds(30); break;
                case "waitqueuetimeoutms": waitQueue = ParseMs(key, value); break;
                case "maxidletimems": maxIdle = ParseMs(key, value); break;
                case "maxpoolsize": maxPool = ParseInt(key, value); break;
                case "retrywrites": retryWrites = ParseBool(key, value); break;
                case "retryreads": retryReads = ParseBool(key, value); break;
                case "w": w = NonEmpty(key, value); break;
                case "wtimeoutms": wtimeout = ParseMs(key, value); break;
                case "journal": journal = ParseBool(key, value); break;
                case "authsource": authSource = value; break;
                case "authmechanism": mechanism = value; break;
                case "authmechanismproperties": properties = ParseProperties(value); break;
                case "loadbalanced" when ParseBool(key, value):
                    throw new MongoConfigurationException("loadBalanced=true is not supported by Pipeline.Mongo.");
                case "compressors" or "zlibcompressionlevel" or "heartbeatfrequencyms" or "minpoolsize" or "localthresholdms" or "loadbalanced":
                    break; // accepted; compression is not negotiated and monitoring is on demand
                default:
                    unknown.Add(key);
                    break;
            }
        }

        if (insecure && (invalidCerts || invalidHosts))
        {
            throw new MongoConfigurationException("tlsInsecure cannot be combined with tlsAllowInvalidCertificates or tlsAllowInvalidHostnames.");
        }

        if (direct == true && hosts.Count > 1)
        {
            throw new MongoConfigurationException("directConnection=true needs exactly one host.");
        }

        if (w == "0" && journal == true)
        {
            throw new MongoConfigurationException("w=0 cannot be combined with journal=true.");
        }

        return new MongoUrl
        {
            Hosts = hosts,
            DatabaseName = database,
            Credential = CredentialRules.Build(username, password, database, authSource, mechanism, properties),
            ReplicaSetName = replicaSet,
            DirectConnection = direct,
            UseTls = tls ?? false,
            TlsAllowInvalidCertificates = insecure || invalidCerts,
            TlsAllowInvalidHostnames = insecure || invalidHosts,
            ApplicationName = appName,
            ConnectTimeout = connect,
            SocketTimeout = socket,
            ServerSelectionTimeout = selection,
            WaitQueueTimeout = waitQueue,
            MaxIdleTime = maxIdle,
            MaxPoolSize = maxPool,
            RetryWrites = retryWrites,
            RetryReads = retryReads,
            W = w,
            WTimeout = wtimeout,
            Journal = journal,
            UnknownOptions = unknown,
        };
    }

    private static Dictionary<string, string> ParseProperties(string value)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in value.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            // Split at the first colon only: TOKEN_RESOURCE values are often URLs.
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new MongoConfigurationException($"Invalid authMechanismProperties entry '{pair}' (expected KEY:value).");
            }

            result[pair[..colon]] = pair[(colon + 1)..];
        }

        return result;
    }

    private static string Decode(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '%' && (i + 2 >= value.Length || !Uri.IsHexDigit(value[i + 1]) || !Uri.IsHexDigit(value[i + 2])))
            {
                throw new MongoConfigurationException("Invalid percent-encoding in the connection string; URL-encode '%' as %25.");
            }
        }

        return Uri.UnescapeDataString(value);
    }

    private static string NonEmpty(string key, string value) =>
        value.Length > 0 ? value : throw new MongoConfigurationException($"{key} must not be empty.");

    private static bool ParseBool(string key, string value) => value.ToLowerInvariant() switch
    {
        "true" => true,
        "false" => false,
        _ => throw new MongoConfigurationException($"{key} must be true or false, not '{value}'."),
    };

    private static int ParseInt(string key, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new MongoConfigurationException($"{key} must be a non-negative integer, not '{value}'.");

    /// <summary>Milliseconds; 0 means "no timeout" for every timeout option that allows it.</summary>
    private static TimeSpan? ParseMs(string key, string value)
    {
        var ms = ParseInt(key, value);
        return ms == 0 ? null : TimeSpan.FromMilliseconds(ms);
    }
}
