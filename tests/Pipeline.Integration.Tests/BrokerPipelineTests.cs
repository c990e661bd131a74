using Pipeline.Storage;
using Pipeline.Storage.Mongo;
using Pipeline.Storage.Sqlite;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using Pipeline.Tests.Shared;
using Xunit.Abstractions;

namespace Pipeline.Integration.Tests;

/// <summary>
/// The services deployment on a real broker: Inbox, Cleaner, Tagger and Store as separate processes, storing in
/// SQLite and (where a MongoDB server can be had) in MongoDB, served from there by the Query API.
/// </summary>
[Collection("Services on RabbitMQ")]
public sealed class BrokerPipelineTests(RabbitMqFixture broker, MongoServerFixture mongo, ITestOutputHelper output)
    : IClassFixture<RabbitMqFixture>, IClassFixture<MongoServerFixture>, IDisposable
{
    private static readonly string[] Queues = BrokerQueues.Names;
    private readonly string work = Directory.CreateTempSubdirectory("pipeline-broker-").FullName;
    private readonly List<ServiceProcess> services = [];

    [Fact]
    public async Task Seeds_dropped_in_the_inbox_are_stored_and_bad_files_fail_with_reasons()
    {
        var data = Path.Combine(work, "data");
        await RunSeedsThroughServicesAsync(new Dictionary<string, string> { ["Pipeline__DataDirectory"] = data }, "SQLite");

        using var store = new SqliteDocumentStore(new SqliteStoreOptions { Path = Path.Combine(data, "pipeline.db") });
        await AssertSeedsStoredAsync(store);
    }

    [MongoDbFact]
    public async Task Seeds_are_stored_in_MongoDB_and_served_by_the_query_api()
    {
        var database = "pipeline_e2e_" + Guid.NewGuid().ToString("N")[..8];
        var storeSettings = new Dictionary<string, string>
        {
            ["Pipeline__Store"] = "Mongo",
            ["Pipeline__Mongo__ConnectionString"] = mongo.ConnectionString,
            ["Pipeline__Mongo__Database"] = database,
        };
        await RunSeedsThroughServicesAsync(storeSettings, "MongoDB");

        using var store = MongoDocumentStore.Create(new MongoStoreOptions { ConnectionString = mongo.ConnectionString, Database = database });
        await AssertSeedsStoredAsync(store);

        var port = FreePort();
        services.Add(new ServiceProcess("Pipeline.Query", new Dictionary<string, string>(storeSettings) { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}" }, Path.Combine(work, "Pipeline.Query.log")));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        string? body = null;
        Assert.True(
            await Eventually(async () =>
            {
                try
                {
                    body = await http.GetStringAsync("api/documents?q=ketamine");
                    return true;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            }, TimeSpan.FromSeconds(60)),
            "The query API did not answer:\n" + Logs());
        using var json = System.Text.Json.JsonDocument.Parse(body!);
        var titles = json.RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("title").GetString()).ToList();
        Assert.Equal(SeedGold.SeedFiles.Count, titles.Count);
        await new MongoDB.Driver.MongoClient(mongo.ConnectionString).DropDatabaseAsync(database);
    }

    /// <summary>Starts the four services on the broker, drops the seeds, a binary and an empty file, and waits for all seven to finish.</summary>
    private async Task RunSeedsThroughServicesAsync(Dictionary<string, string> storeSettings, string storeName)
    {
        var inbox = Path.Combine(work, "inbox");
        var vhost = broker.Url.AbsolutePath.Trim('/');
        var environment = new Dictionary<string, string>(storeSettings)
        {
            ["Pipeline__Transport"] = "RabbitMq",
            ["Pipeline__RabbitMq__Host"] = broker.Url.Host,
            ["Pipeline__RabbitMq__Port"] = broker.Url.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Pipeline__RabbitMq__VirtualHost"] = vhost.Length == 0 ? "/" : Uri.UnescapeDataString(vhost),
            ["Pipeline__RabbitMq__Username"] = Uri.UnescapeDataString(broker.Url.UserInfo.Split(':')[0]),
            ["Pipeline__RabbitMq__Password"] = Uri.UnescapeDataString(broker.Url.UserInfo.Split(':').ElementAtOrDefault(1) ?? string.Empty),
            ["Inbox__Path"] = inbox,
            ["Inbox__RescanSeconds"] = "1",
            ["Inbox__StableMilliseconds"] = "300",
        };
        foreach (var project in new[] { "Pipeline.Store", "Pipeline.Cleaner", "Pipeline.Tagger", "Pipeline.Inbox" })
        {
            services.Add(new ServiceProcess(project, environment, Path.Combine(work, project + ".log")));
        }

        var factory = new ConnectionFactory { Uri = broker.Url };
        await using var connection = await factory.CreateConnectionAsync();
        await PurgeAsync(connection);
        Assert.True(
            await Eventually(async () => services.Any(s => s.HasExited) || (await BrokerQueues.CountsAsync(connection)).All(q => q.Consumers > 0), TimeSpan.FromSeconds(90))
            && !services.Any(s => s.HasExited),
            "The services did not start consuming:\n" + Logs());

        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        foreach (var seed in SeedGold.SeedFiles)
        {
            File.Copy(seed, Path.Combine(inbox, Path.GetFileName(seed)));
        }

        var binary = new byte[2048];
        new Random(3).NextBytes(binary);
        binary[0] = 0;
        await File.WriteAllBytesAsync(Path.Combine(inbox, "photo.txt"), binary);
        await File.WriteAllBytesAsync(Path.Combine(inbox, "empty.md"), []);

        var done = Path.Combine(inbox, "done");
        var failed = Path.Combine(inbox, "failed");
        Assert.True(
            await Eventually(() => Task.FromResult(Count(done) == 5 && Count(failed, "*.error.json") == 2), TimeSpan.FromSeconds(90)),
            $"done/ has {Count(done)}, failed/ has {Count(failed)}:\n{Logs()}");
        stopwatch.Stop();

        Assert.Equal(SeedGold.SeedFiles.Select(Path.GetFileName).Order(), Directory.GetFiles(done).Select(Path.GetFileName).Order());
        Assert.Contains("\"binary\"", await File.ReadAllTextAsync(Path.Combine(failed, "photo.txt.error.json")), StringComparison.Ordinal);
        Assert.Contains("\"empty\"", await File.ReadAllTextAsync(Path.Combine(failed, "empty.md.error.json")), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Path.Combine(inbox, "processing")));

        Assert.True(await Eventually(async () => (await BrokerQueues.CountsAsync(connection)).All(q => q.Messages == 0), TimeSpan.FromSeconds(20)), "Queues did not drain.");
        foreach (var queue in Queues)
        {
            Assert.Equal(0u, await BrokerQueues.MessagesInAsync(connection, queue + "_error"));
        }

        output.WriteLine($"Broker mode ({storeName}): five seeds and two bad files finished in {stopwatch.Elapsed.TotalSeconds:F2} s.");
        Assert.All(services, s => Assert.False(s.HasExited, "A service exited."));
    }

    private static async Task AssertSeedsStoredAsync(IDocumentStore store)
    {
        Assert.Equal(5, await store.CountAsync(new DocumentQuery(), default));
        foreach (var seed in SeedGold.SeedFiles)
        {
            var name = Path.GetFileName(seed);
            var document = await store.GetAsync(DocumentIdentity.ForSourceUri(DocumentIdentity.InboxUri(name)), default);
            Assert.NotNull(document);
            Assert.Contains("Chemical:ketamine", document.EntityKeys);
            SeedGold.AssertMatches(name, document);
        }
    }

    /// <summary>Both tests share one broker: each starts from empty queues.</summary>
    private static async Task PurgeAsync(IConnection connection)
    {
        foreach (var queue in Queues.SelectMany(q => new[] { q, q + "_error" }))
        {
            await using var channel = await connection.CreateChannelAsync();
            try
            {
                await channel.QueuePurgeAsync(queue);
            }
            catch (OperationInterruptedException)
            {
                // Not declared yet.
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        foreach (var service in services)
        {
            service.Dispose();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(work, recursive: true);
    }

    private static int Count(string folder, string pattern = "*") =>
        Directory.Exists(folder) ? Directory.GetFiles(folder, pattern).Count(f => !f.EndsWith(".error.json", StringComparison.Ordinal) || pattern != "*") : 0;

    private static async Task<bool> Eventually(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(250);
        }

        return true;
    }

    private string Logs() =>
        string.Join("\n", services.Select(s => $"--- {Path.GetFileName(s.LogPath)}\n" + string.Join('\n', ReadShared(s.LogPath).TakeLast(15))));

    private static IEnumerable<string> ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n');
    }
}
