using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Contracts;
using Pipeline.Storage;

namespace Pipeline.Query.Tests;

/// <summary>The query service over a fresh SQLite store in a temporary folder, with MassTransit's test harness as the bus.</summary>
public sealed class QueryApiFactory : WebApplicationFactory<Program>
{
    public const string ApiKey = "test-key-0123456789abcdef";

    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "pipeline-query-tests-" + Guid.NewGuid().ToString("N"));

    /// <summary>Settings on top of the defaults (null removes nothing; set a key to "" to clear it).</summary>
    public Dictionary<string, string?> Settings { get; } = new() { ["Query:ApiKey"] = ApiKey, ["Pipeline:MaxDocumentBytes"] = "65536" };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Pipeline:DataDirectory", dataDirectory);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddMassTransitTestHarness());
    }

    public IDocumentStore Store => Services.GetRequiredService<IDocumentStore>();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    public static StoredDocument Document(
        string name, string title, string text, DateTimeOffset? published, string kind = "web", params (string Type, string Surface, string Canonical)[] entities)
    {
        var uri = kind == "web" ? $"https://{name}" : $"{kind}:///{name}";
        var mentions = new List<EntityMention>();
        foreach (var (type, surface, canonical) in entities)
        {
            var start = text.IndexOf(surface, StringComparison.Ordinal);
            Assert.True(start >= 0, $"'{surface}' is not in the text of {name}.");
            mentions.Add(new EntityMention(type, surface, start, start + surface.Length, canonical, type == "Chemical" ? "DB01221" : null));
        }

        return new StoredDocument
        {
            Id = DocumentIdentity.ForSourceUri(uri),
            Source = new DocumentSource(kind, uri, name),
            Title = title,
            Text = text,
            Published = published,
            FetchedAt = DateTimeOffset.UtcNow,
            Version = 1,
            ContentHash = ContentHashing.Hash(text),
            Entities = mentions,
            EntityKeys = StoredDocuments.EntityKeysOf(mentions),
            Removed = [new RemovedText("share-buttons", "Share on Facebook")],
        };
    }
}
