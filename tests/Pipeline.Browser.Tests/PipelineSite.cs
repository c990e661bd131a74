using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using Pipeline.Cleaner;
using Pipeline.Contracts;
using Pipeline.Fetcher;
using Pipeline.Hosting;
using Pipeline.Storage;
using Pipeline.Store;
using Pipeline.Tagger;

namespace Pipeline.Browser.Tests;

/// <summary>
/// The all-in-one pipeline (in-memory bus, the real fetcher, cleaner, tagger and store over SQLite) with the query page
/// embedded as <c>pipeline run</c> hosts it; the seeds are ingested through the page's own upload endpoint,
/// plus one stored document full of markup. Then headless Chromium from the OS package.
/// </summary>
public sealed class PipelineSite : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string ApiKey = "browser-tests-key-0123456789";

    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "pipeline-browser-" + Guid.NewGuid().ToString("N"));
    private IHost? host;
    private IPlaywright? playwright;

    public string BaseUrl { get; private set; } = string.Empty;

    public IBrowser Browser { get; private set; } = null!;

    public Guid HostileId { get; private set; }

    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        // A missing browser is a failure everywhere (and must be under CI=true): infra/install-test-deps.sh installs it.
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: run infra/install-test-deps.sh (apt-get install chromium).");
        Directory.CreateDirectory(ScreenshotFolder);
        BaseUrl = $"http://127.0.0.1:{FreePort()}";
        host = BuildHost();
        await host.StartAsync();
        await IngestSeedsAsync();
        HostileId = await StoreHostileDocumentAsync();
        await StoreNamedDocumentAsync();

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (host is not null)
        {
            await host.StopAsync();
            host.Dispose();
        }

        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        return await context.NewPageAsync();
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });

    private IHost BuildHost()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Pipeline:Transport"] = nameof(TransportKind.InMemory),
            ["Pipeline:Store"] = nameof(StoreKind.Sqlite),
            ["Pipeline:DataDirectory"] = dataDirectory,
            ["Query:ApiKey"] = ApiKey,
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        StoreService.AddServices(builder);
        CleanerService.AddServices(builder);
        TaggerService.AddServices(builder);
        FetcherService.AddServices(builder);
        builder.AddPipeline(bus =>
        {
            FetcherService.AddConsumers(bus);
            CleanerService.AddConsumers(bus);
            TaggerService.AddConsumers(bus);
            StoreService.AddConsumers(bus);
            Query.QueryService.AddConsumers(bus);
        });
        Query.QueryService.AddEmbedded(builder, BaseUrl);
        return builder.Build();
    }

    private async Task IngestSeedsAsync()
    {
        var seeds = Directory.GetFiles(FindSeeds(), "*.txt").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(5, seeds.Count);
        using var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        foreach (var seed in seeds)
        {
            using var form = new MultipartFormDataContent();
            form.Add(new ByteArrayContent(await File.ReadAllBytesAsync(seed)), "file", Path.GetFileName(seed));
            using var response = await client.PostAsync(new Uri("/api/documents", UriKind.Relative), form);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        var deadline = DateTime.UtcNow.AddSeconds(60);
        long stored = 0;
        while (DateTime.UtcNow < deadline)
        {
            var stats = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/stats", UriKind.Relative));
            stored = stats.GetProperty("documents").GetInt64();
            if (stored == seeds.Count)
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"Only {stored} of {seeds.Count} seeds were stored within 60 s.");
    }

    /// <summary>Untrusted content: markup in the title, the text and an entity's canonical name.</summary>
    private async Task<Guid> StoreHostileDocumentAsync()
    {
        const string text = "Beware of <script>window.__pwned = 1</script> and <img src=x onerror=\"window.__pwned = 2\"> in notes about aspirin.";
        var uri = "https://evil.example/post";
        var aspirin = text.IndexOf("aspirin", StringComparison.Ordinal);
        var img = text.IndexOf("<img", StringComparison.Ordinal);
        List<EntityMention> entities =
        [
            new("Url", "<img src=x onerror=\"window.__pwned = 2\">", img, text.IndexOf('>', img) + 1, "<img src=x onerror=window.__pwned=3>", "<b>id</b>"),
            new("Chemical", "aspirin", aspirin, aspirin + 7, "aspirin", "DB00945"),
        ];
        return await StoreWebDocumentAsync(uri, "<script>window.__pwned = 4</script>Hostile pwned page", text, entities, [new RemovedText("promotion", "<script>window.__pwned = 5</script>", text.Length)]);
    }

    /// <summary>A person whose key is lower-cased ("person:marie curie") and whose name, as the text writes it, is not.</summary>
    private async Task StoreNamedDocumentAsync()
    {
        const string text = "Radium notebooks kept by Marie Curie, and later annotated by Marie Curie again, are still radioactive.";
        var uri = "https://archive.example/radium";
        var first = text.IndexOf("Marie Curie", StringComparison.Ordinal);
        var second = text.LastIndexOf("Marie Curie", StringComparison.Ordinal);
        List<EntityMention> entities =
        [
            new("Person", "Marie Curie", first, first + 11, "marie curie", null),
            new("Person", "Marie Curie", second, second + 11, "marie curie", null),
        ];
        // Stored before removed blocks had positions: the list only.
        await StoreWebDocumentAsync(uri, "Radium notebooks", text, entities, [new RemovedText("share-buttons", "Share on Facebook")]);
    }

    /// <summary>Writes a web document straight to the store, as the pipeline would have stored it.</summary>
    private async Task<Guid> StoreWebDocumentAsync(string uri, string title, string text, List<EntityMention> entities, List<RemovedText> removed)
    {
        var document = new StoredDocument
        {
            Id = DocumentIdentity.ForSourceUri(uri),
            Source = new DocumentSource("web", uri, uri[(uri.IndexOf("//", StringComparison.Ordinal) + 2)..]),
            Title = title,
            Text = text,
            FetchedAt = DateTimeOffset.UtcNow,
            Version = 1,
            ContentHash = ContentHashing.Hash(text),
            Entities = entities,
            EntityKeys = StoredDocuments.EntityKeysOf(entities),
            Removed = removed,
        };
        await host!.Services.GetRequiredService<IDocumentStore>().UpsertAsync(document, CancellationToken.None);
        return document.Id;
    }

    private static string FindSeeds()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "shared", "seeds"), Path.Combine(dir.FullName, "..", "shared", "seeds") })
            {
                if (Directory.Exists(candidate) && Directory.GetFiles(candidate, "*.txt").Length > 0)
                {
                    return Path.GetFullPath(candidate);
                }
            }
        }

        throw new DirectoryNotFoundException("The seeds folder (../shared/seeds beside the repository) was not found.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
