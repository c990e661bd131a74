using System.Globalization;
using System.Text.RegularExpressions;
using MongoDB.Driver;
using MongoDB.Driver.Core.Configuration;

namespace Pipeline.Storage.Mongo;

/// <summary>
/// Client settings from the standard connection string (every option, <c>mongodb+srv://</c> included), and the one
/// line people read when the server cannot be reached: the hosts, how long the driver tried, and why.
/// </summary>
internal static partial class MongoConnection
{
    public static MongoClientSettings Settings(MongoStoreOptions options)
    {
        try
        {
            var settings = MongoClientSettings.FromConnectionString(options.ConnectionString);
            settings.ApplicationName ??= "pipeline";
            return settings;
        }
        catch (Exception ex) when (ex is MongoConfigurationException or ArgumentException or FormatException)
        {
            // The driver's message can quote the string, password included: say what is wrong without it.
            throw new StoreUnavailableException($"Pipeline:Mongo:ConnectionString is not a valid MongoDB connection string: {Redact(ex.Message)}.", ex);
        }
    }

    /// <summary>Runs a first operation, turning "no server answered" into a <see cref="StoreUnavailableException"/>.</summary>
    public static async Task GuardAsync(IMongoClient client, Func<Task> operation)
    {
        try
        {
            await operation();
        }
        catch (Exception ex) when (ex is TimeoutException or MongoConnectionException or MongoAuthenticationException or MongoConfigurationException)
        {
            throw new StoreUnavailableException(Describe(client, ex), ex);
        }
    }

    internal static string Describe(IMongoClient client, Exception ex)
    {
        var settings = client.Settings;
        var hosts = settings.Scheme == ConnectionStringScheme.MongoDBPlusSrv
            ? "mongodb+srv://" + settings.Servers.FirstOrDefault()?.Host
            : string.Join(", ", settings.Servers.Select(s => $"{s.Host}:{s.Port}"));
        var reason = ex switch
        {
            MongoAuthenticationException => "authentication failed",
            MongoConfigurationException => Redact(ex.Message),
            _ => client.Cluster.Description.Servers
                .Select(s => Innermost(s.HeartbeatException)?.Message)
                .FirstOrDefault(m => m is not null) ?? Innermost(ex)!.Message.Split('.')[0],
        };
        return string.Create(CultureInfo.InvariantCulture,
            $"MongoDB did not answer at {hosts} (tried for {settings.ServerSelectionTimeout.TotalSeconds:0.#} s; serverSelectionTimeoutMS sets this): {reason}.");
    }

    private static Exception? Innermost(Exception? ex)
    {
        while (ex?.InnerException is not null)
        {
            ex = ex.InnerException;
        }

        return ex;
    }

    /// <summary>The message without credentials (a connection string's <c>user:password@</c>).</summary>
    private static string Redact(string message) => Credentials().Replace(message.Split('\n')[0].TrimEnd('.'), "://***@");

    [GeneratedRegex(@"://[^@/\s']*@")]
    private static partial Regex Credentials();
}
