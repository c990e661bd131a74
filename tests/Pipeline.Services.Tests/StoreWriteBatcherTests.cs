using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Pipeline.Contracts;
using Pipeline.Storage;
using Pipeline.Storage.Sqlite;
using Pipeline.Store;

namespace Pipeline.Services.Tests;

public sealed class StoreWriteBatcherTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("pipeline-store-batcher-").FullName;

    [Fact]
    public async Task Concurrent_documents_are_written_in_few_transactions_each_with_its_own_outcome()
    {
        using var sqlite = new SqliteDocumentStore(new SqliteStoreOptions { Path = Path.Combine(directory, "s.db") });
        var store = new CountingStore(sqlite);
        var writer = new StoreWriteBatcher(store, Options.Create(new StoreOptions { BatchSize = 16, BatchMilliseconds = 200 }), NullLogger<StoreWriteBatcher>.Instance);
        await writer.StartAsync(default);

        var documents = Enumerable.Range(0, 40).Select(i => Document($"https://example.org/{i}", $"Text number {i} about ketamine.", 1)).ToList();
        documents.Add(Document("https://example.org/copy", "Text number 7 about ketamine.", 1));
        var results = await Task.WhenAll(documents.Select(d => writer.UpsertAsync(d, default)));
        var again = await writer.UpsertAsync(documents[3], default);
        await writer.StopWithinAsync();

        Assert.Equal(40, results.Count(r => r.Outcome == StoreOutcome.Stored));
        var duplicate = Assert.Single(results, r => r.Outcome == StoreOutcome.Duplicate);
        Assert.Equal(documents[7].Id, duplicate.DuplicateOf);
        Assert.Equal(StoreOutcome.Unchanged, again.Outcome);
        Assert.Equal(40, await sqlite.CountAsync(new DocumentQuery(), default));
        Assert.InRange(store.Batches, 3, 8);
    }

    [Fact]
    public async Task A_document_the_store_refuses_fails_alone_and_its_batch_neighbours_are_stored()
    {
        using var sqlite = new SqliteDocumentStore(new SqliteStoreOptions { Path = Path.Combine(directory, "s.db") });
        var writer = new StoreWriteBatcher(sqlite, Options.Create(new StoreOptions { BatchSize = 10, BatchMilliseconds = 200 }), NullLogger<StoreWriteBatcher>.Instance);
        await writer.StartAsync(default);

        // Two ids claiming one source: the second breaks the source's uniqueness, a real per-document failure.
        var documents = Enumerable.Range(0, 6).Select(i => Document($"https://example.org/{i}", $"Neighbour {i} on fibromyalgia.", 1)).ToList();
        documents.Insert(3, Document("https://example.org/2", "A second id for the same source.", 1) with { Id = Guid.NewGuid() });
        var attempts = documents.Select(d => writer.UpsertAsync(d, default)).ToList();
        var failure = await Assert.ThrowsAsync<SqliteException>(() => attempts[3]);
        foreach (var (attempt, i) in attempts.Select((a, i) => (a, i)).Where(x => x.i != 3))
        {
            Assert.Equal(StoreOutcome.Stored, (await attempt).Outcome);
            Assert.NotNull(await sqlite.GetAsync(documents[i].Id, default));
        }

        await writer.StopWithinAsync();
        Assert.Contains("UNIQUE", failure.Message, StringComparison.Ordinal);

        Assert.Equal(6, await sqlite.CountAsync(new DocumentQuery(), default));
    }

    [Fact]
    public async Task An_older_version_in_the_same_batch_never_overwrites_a_newer_one()
    {
        using var sqlite = new SqliteDocumentStore(new SqliteStoreOptions { Path = Path.Combine(directory, "s.db") });
        var writer = new StoreWriteBatcher(sqlite, Options.Create(new StoreOptions { BatchSize = 10, BatchMilliseconds = 200 }), NullLogger<StoreWriteBatcher>.Instance);
        await writer.StartAsync(default);

        var newer = Document("https://example.org/a", "The newer text.", 20);
        var older = Document("https://example.org/a", "The older text.", 10);
        var results = await Task.WhenAll(writer.UpsertAsync(newer, default), writer.UpsertAsync(older, default));
        await writer.StopWithinAsync();

        Assert.Equal([StoreOutcome.Stored, StoreOutcome.Unchanged], results.Select(r => r.Outcome));
        Assert.Equal("The newer text.", (await sqlite.GetAsync(newer.Id, default))!.Text);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    private static StoredDocument Document(string uri, string text, long version) => new()
    {
        Id = DocumentIdentity.ForSourceUri(uri),
        Source = new DocumentSource("web", uri, uri),
        Title = "Title",
        Text = text,
        FetchedAt = DateTimeOffset.UnixEpoch.AddSeconds(version),
        Version = version,
        ContentHash = ContentHashing.Hash(text),
    };

    /// <summary>The real store, counting the batches it is handed.</summary>
    private sealed class CountingStore(SqliteDocumentStore inner) : IDocumentStore
    {
        public int Batches { get; private set; }

        public Task InitializeAsync(CancellationToken cancellationToken) => inner.InitializeAsync(cancellationToken);

        public Task PingAsync(CancellationToken cancellationToken) => inner.PingAsync(cancellationToken);

        public Task<UpsertResult> UpsertAsync(StoredDocument document, CancellationToken cancellationToken) => inner.UpsertAsync(document, cancellationToken);

        public Task<IReadOnlyList<UpsertResult>> UpsertManyAsync(IReadOnlyList<StoredDocument> documents, CancellationToken cancellationToken)
        {
            Batches++;
            return inner.UpsertManyAsync(documents, cancellationToken);
        }

        public Task<StoredDocument?> GetAsync(Guid id, CancellationToken cancellationToken) => inner.GetAsync(id, cancellationToken);

        public Task<SearchPage> SearchAsync(DocumentQuery query, CancellationToken cancellationToken) => inner.SearchAsync(query, cancellationToken);

        public Task<IReadOnlyList<EntityFacet>> FacetsAsync(DocumentQuery query, string? type, string? prefix, int perType, CancellationToken cancellationToken) =>
            inner.FacetsAsync(query, type, prefix, perType, cancellationToken);

        public Task<IReadOnlyList<EntityFacet>> CooccurringAsync(EntityKey key, int limit, CancellationToken cancellationToken) => inner.CooccurringAsync(key, limit, cancellationToken);

        public Task<long> CountAsync(DocumentQuery query, CancellationToken cancellationToken) => inner.CountAsync(query, cancellationToken);

        public Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken) => inner.DeleteAsync(id, cancellationToken);

        public Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken) => inner.GetStatisticsAsync(cancellationToken);
    }
}
