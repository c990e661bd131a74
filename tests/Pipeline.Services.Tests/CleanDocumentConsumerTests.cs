using System.IO.Compression;
using System.Text;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Cleaner;
using Pipeline.Cleaning;
using Pipeline.Contracts;
using Pipeline.Extraction;
using Pipeline.Storage;
using Pipeline.Storage.Sqlite;

namespace Pipeline.Services.Tests;

public sealed class CleanDocumentConsumerTests : IDisposable
{
    private static readonly DocumentSource Source = new("inbox", "inbox:///note.txt", "note.txt");

    private readonly string directory = Directory.CreateTempSubdirectory("pipeline-cleaner-").FullName;

    private string StorePath => Path.Combine(directory, "pipeline.db");

    public void Dispose() => Directory.Delete(directory, recursive: true);

    /// <summary>The cleaner's services, with its site template in a real SQLite store at <paramref name="path"/>.</summary>
    internal static void AddCleaner(IServiceCollection services, string path)
    {
        services.AddSingleton(new DocumentExtractor(new DocumentCleaner()));
        services.AddSingleton(_ => new SqliteDocumentStore(new SqliteStoreOptions { Path = path }));
        services.AddSingleton<ISiteTemplateStore>(sp => sp.GetRequiredService<SqliteDocumentStore>());
        services.AddOptions<SiteTemplateSettings>();
        services.AddSingleton<SiteTemplateFilter>();
    }

    [Fact]
    public async Task Publishes_the_cleaned_text_without_share_buttons()
    {
        var (provider, harness) = await Harness.StartAsync(
            s => AddCleaner(s, StorePath),
            b => b.AddConsumer<CleanDocumentConsumer, CleanDocumentConsumerDefinition>());
        await using var _ = provider;
        var text = "How to Water Tomatoes\n\nShare on Facebook\n\nTomatoes need deep watering twice a week during dry spells, "
            + "more often in sandy soil. Water at the base of the plant in the morning so the leaves dry before evening.\n\n"
            + "Mulch keeps the soil moist and cool, and it stops soil splashing onto the lower leaves when it rains.\n";

        await harness.Bus.Publish(new DocumentFetched(Guid.NewGuid(), Source, 1, DateTimeOffset.UtcNow, null, Encoding.UTF8.GetBytes(text)));

        var cleaned = await harness.PublishedAsync<DocumentCleaned>();
        Assert.Contains("deep watering", cleaned.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Share on Facebook", cleaned.Text, StringComparison.Ordinal);
        Assert.Equal(Source, cleaned.Source);
    }

    [Fact]
    public async Task Rejects_binary_content_with_a_reason_instead_of_faulting()
    {
        var (provider, harness) = await Harness.StartAsync(
            s => AddCleaner(s, StorePath),
            b => b.AddConsumer<CleanDocumentConsumer, CleanDocumentConsumerDefinition>());
        await using var _ = provider;
        var binary = new byte[4096];
        new Random(7).NextBytes(binary);
        binary[10] = 0;

        await harness.Bus.Publish(new DocumentFetched(Guid.NewGuid(), Source, 1, DateTimeOffset.UtcNow, null, binary));

        var rejected = await harness.PublishedAsync<DocumentRejected>();
        Assert.Equal("cleaner", rejected.Stage);
        Assert.Equal("binary", rejected.Reason);
        Assert.False(await harness.Published.Any<DocumentCleaned>());
    }

    [Fact]
    public async Task Each_entry_of_an_archive_is_published_as_its_own_document_linked_to_the_archive()
    {
        var (provider, harness) = await Harness.StartAsync(
            s => AddCleaner(s, StorePath),
            b => b.AddConsumer<CleanDocumentConsumer, CleanDocumentConsumerDefinition>());
        await using var _ = provider;
        var archive = new DocumentSource("inbox", "inbox:///notes.zip", "notes.zip");
        var body = "Tomatoes need deep watering twice a week during dry spells, more often in sandy soil. Water at the base of the plant in the morning.";
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in new[] { ("garden/tomatoes.md", "# Tomatoes\n\n" + body), ("garden/beans.txt", "Beans\n\n" + body.Replace("Tomatoes", "Beans", StringComparison.Ordinal)), ("photo.png", "\u0089PNG") })
            {
                using var entry = new StreamWriter(zip.CreateEntry(name).Open());
                entry.Write(content);
            }
        }

        await harness.Bus.Publish(new DocumentFetched(Guid.NewGuid(), archive, 1, DateTimeOffset.UtcNow, null, buffer.ToArray()));

        var expanded = await harness.PublishedAsync<DocumentExpanded>();
        var tomatoes = await harness.PublishedAsync<DocumentCleaned>(m => m.Source.Name == "notes.zip/garden/tomatoes.md");
        var skipped = await harness.PublishedAsync<DocumentRejected>(m => m.Source.Name == "notes.zip/photo.png");
        Assert.False(expanded.HasOwnDocument);
        Assert.Equal(2, expanded.Documents.Count);
        Assert.Equal(1, expanded.Skipped);
        Assert.Equal("inbox:///notes.zip#garden/tomatoes.md", tomatoes.Source.Uri);
        Assert.Equal("inbox:///notes.zip", tomatoes.Source.Parent);
        Assert.Equal("markdown", tomatoes.Format);
        Assert.Equal(Pipeline.Storage.DocumentIdentity.ForSourceUri(tomatoes.Source.Uri), tomatoes.DocumentId);
        Assert.Equal("unsupported-format", skipped.Reason);
        Assert.Equal("inbox:///notes.zip", skipped.Source.Parent);
    }
}
