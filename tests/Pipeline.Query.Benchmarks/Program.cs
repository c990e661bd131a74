using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pipeline.Hosting;
using Pipeline.Query;
using Pipeline.Query.Benchmarks;
using Pipeline.Storage;

// p95 latency of GET /api/documents over real HTTP (Kestrel, one client, sequential requests) on SQLite.
//   dotnet run -c Release --project tests/Pipeline.Query.Benchmarks -- [--corpus mixed|seeds] [--documents 100000] [--requests 600] [--data DIR] [--seeds DIR]
var documents = Argument("--documents", 100_000);
var requests = Argument("--requests", 600);
var mixed = (ArgumentText("--corpus") ?? "mixed") == "mixed";
var dataDirectory = Path.GetFullPath(ArgumentText("--data") ?? Path.Combine(Path.GetTempPath(), "pipeline-query-benchmark-" + (mixed ? "mixed" : "seeds")));
var seeds = ArgumentText("--seeds") ?? FindSeeds();

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
builder.Configuration["Pipeline:DataDirectory"] = dataDirectory;
builder.Logging.SetMinimumLevel(LogLevel.Warning);
QueryService.AddServices(builder);
builder.AddPipeline(QueryService.AddConsumers);
var port = FreePort();
builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
await using var app = builder.Build();
QueryService.Map(app);
var store = app.Services.GetRequiredService<IDocumentStore>();
await store.InitializeAsync(CancellationToken.None);

var existing = (await store.GetStatisticsAsync(CancellationToken.None)).Documents;
if (existing < documents)
{
    Console.WriteLine($"Seeding {documents - existing:N0} documents into {dataDirectory}...");
    var corpus = new Corpus(Corpus.ParagraphsOf(seeds), mixed);
    var clock = Stopwatch.StartNew();
    for (var start = (int)existing; start < documents; start += 1000)
    {
        var batch = Enumerable.Range(start, Math.Min(1000, documents - start)).Select(corpus.Next).ToList();
        await store.UpsertManyAsync(batch, CancellationToken.None);
        if ((start / 1000) % 10 == 9)
        {
            Console.WriteLine($"  {start + batch.Count:N0} stored ({clock.Elapsed.TotalSeconds:F0} s)");
        }
    }
}

var stored = (await store.GetStatisticsAsync(CancellationToken.None)).Documents;
await app.StartAsync();
using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
string[] queries =
[
    "q=ketamine", "q=fibromyalgia+pain", "q=%22chronic+pain%22", "q=treatment&sort=date", "q=sleep+quality",
    "entity=Chemical:ketamine", "entity=Disease:fibromyalgia&entity=Chemical:magnesium", "q=pain&entity=Disease:depression",
    "from=2023-01-01&to=2023-03-31", "q=ketamine&from=2024-01-01", "source=site7.example.com", "sort=date",
    "q=research&limit=50", "entity=Organization:mayo+clinic&sort=date", "q=nmda+receptor",
];

async Task<(double Ms, string? Cursor)> TimeAsync(string query)
{
    var watch = Stopwatch.StartNew();
    using var response = await client.GetAsync(new Uri("/api/documents?" + query, UriKind.Relative));
    var body = await response.Content.ReadAsStringAsync();
    watch.Stop();
    if (response.StatusCode != HttpStatusCode.OK)
    {
        throw new InvalidOperationException($"{query}: {(int)response.StatusCode} {body}");
    }

    using var json = System.Text.Json.JsonDocument.Parse(body);
    return (watch.Elapsed.TotalMilliseconds, json.RootElement.GetProperty("nextCursor").GetString());
}

Console.WriteLine($"Warm-up, one request per query kind ({stored:N0} documents):");
foreach (var query in queries)
{
    Console.WriteLine($"  {query,-60} {(await TimeAsync(query)).Ms,8:F1} ms");
}

var samples = new List<(string Query, double Ms)>();
for (var i = 0; i < requests; i++)
{
    var query = queries[i % queries.Length];
    var (ms, cursor) = await TimeAsync(query);
    samples.Add((query, ms));
    if (i % 100 == 99)
    {
        Console.WriteLine($"  {i + 1} requests");
    }
    if (cursor is not null && i % 3 == 0)
    {
        samples.Add((query + " (page 2)", (await TimeAsync(query + "&cursor=" + Uri.EscapeDataString(cursor))).Ms));
    }
}

await app.StopAsync();
Console.WriteLine($"{stored:N0} documents, {samples.Count:N0} requests to /api/documents over HTTP, one client:");
Console.WriteLine($"  all: {Summary(samples.Select(s => s.Ms))}");
foreach (var group in samples.GroupBy(s => s.Query).OrderByDescending(g => Percentile(g.Select(s => s.Ms).ToList(), 0.95)))
{
    Console.WriteLine($"  {group.Key,-60} {Summary(group.Select(s => s.Ms))}");
}

return 0;

static string Summary(IEnumerable<double> values)
{
    var list = values.ToList();
    if (list.Count == 0)
    {
        return "no requests";
    }

    return string.Create(CultureInfo.InvariantCulture, $"p50 {Percentile(list, 0.50):F1} ms, p95 {Percentile(list, 0.95):F1} ms, p99 {Percentile(list, 0.99):F1} ms, max {list.Max():F1} ms (n={list.Count})");
}

static double Percentile(List<double> values, double p)
{
    var sorted = values.Order().ToList();
    return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}

int Argument(string name, int fallback) =>
    ArgumentText(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

string? ArgumentText(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

static string FindSeeds()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        var candidate = Path.Combine(dir.FullName, "..", "shared", "seeds");
        if (Directory.Exists(candidate))
        {
            return Path.GetFullPath(candidate);
        }
    }

    throw new DirectoryNotFoundException("Pass --seeds DIR (the seeds folder, ../shared/seeds beside the repository).");
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}
