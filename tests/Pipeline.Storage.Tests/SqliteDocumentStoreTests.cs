using Pipeline.Storage.Sqlite;

namespace Pipeline.Storage.Tests;

public sealed class SqliteDocumentStoreTests : DocumentStoreContractTests, IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("pipeline-store-").FullName;
    private readonly List<SqliteDocumentStore> stores = [];

    protected override async Task<IDocumentStore> CreateStoreAsync()
    {
        var store = new SqliteDocumentStore(new SqliteStoreOptions { Path = Path.Combine(directory, $"{Guid.NewGuid():N}.db") });
        stores.Add(store);
        await store.InitializeAsync(default);
        return store;
    }

    [Fact]
    public async Task Schema_is_versioned_and_reopening_keeps_the_data()
    {
        var path = Path.Combine(directory, "reopen.db");
        using (var first = new SqliteDocumentStore(new SqliteStoreOptions { Path = path }))
        {
            await first.UpsertAsync(Document("https://r.example/1", "Kept", "Kept across restarts."), default);
        }

        using var second = new SqliteDocumentStore(new SqliteStoreOptions { Path = path });
        Assert.Equal(1, await second.CountAsync(new DocumentQuery(), default));
    }

    [Fact]
    public async Task Format_pages_and_container_of_a_document_from_a_file_round_trip()
    {
        var store = await CreateStoreAsync();
        var document = Document("inbox:///all.zip#reports/a.pdf", "Report", "Page one text. Page two text.") with
        {
            Source = new Pipeline.Contracts.DocumentSource("inbox", "inbox:///all.zip#reports/a.pdf", "all.zip/reports/a.pdf", "inbox:///all.zip"),
            Format = "pdf",
            Pages = [new Pipeline.Contracts.PageSpan(1, 0, 14), new Pipeline.Contracts.PageSpan(2, 15, 29)],
        };

        await store.UpsertAsync(document, default);
        var stored = await store.GetAsync(document.Id, default);

        Assert.NotNull(stored);
        Assert.Equal("pdf", stored.Format);
        Assert.Equal(document.Pages, stored.Pages);
        Assert.Equal("inbox:///all.zip", stored.Source.Parent);
    }

    [Fact]
    public async Task Crawl_definitions_and_fetch_state_round_trip()
    {
        var store = (SqliteDocumentStore)await CreateStoreAsync();
        var now = DateTimeOffset.UtcNow;
        var crawl = new CrawlDefinition("news", ["https://n.example/"], TimeSpan.FromHours(6), null, 2, 100, "same-host", false, now);
        await store.SaveCrawlAsync(crawl, default);
        await store.SaveFetchStateAsync(new FetchState("https://n.example/a", "news", null, null, null, null, now.AddMinutes(-1), 0, null, false, TimeSpan.FromHours(6)), default);
        await store.SaveFetchStateAsync(new FetchState("https://n.example/b", "news", null, null, null, null, now.AddHours(1), 0, null, false, TimeSpan.FromHours(6)), default);
        await store.SaveFetchStateAsync(new FetchState("https://n.example/c", "news", null, null, null, null, null, 9, "500", true, TimeSpan.FromHours(6)), default);

        var due = await store.ListDueAsync("news", now, 10, default);

        Assert.Equal(crawl with { Seeds = crawl.Seeds }, await store.GetCrawlAsync("news", default), new CrawlComparer());
        Assert.Equal("https://n.example/a", Assert.Single(due).Url);
        Assert.True(await store.DeleteCrawlAsync("news", default));
        Assert.Empty(await store.ListCrawlsAsync(default));
        Assert.Null(await store.GetFetchStateAsync("https://n.example/a", default));
    }

    public void Dispose()
    {
        foreach (var store in stores)
        {
            store.Dispose();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    private sealed class CrawlComparer : IEqualityComparer<CrawlDefinition?>
    {
        public bool Equals(CrawlDefinition? x, CrawlDefinition? y) =>
            x is not null && y is not null && x.Name == y.Name && x.Seeds.SequenceEqual(y.Seeds) && x.Interval == y.Interval
            && x.Depth == y.Depth && x.MaxPages == y.MaxPages && x.Scope == y.Scope && x.UpdatedAt == y.UpdatedAt;

        public int GetHashCode(CrawlDefinition? obj) => obj?.Name.GetHashCode(StringComparison.Ordinal) ?? 0;
    }
}
