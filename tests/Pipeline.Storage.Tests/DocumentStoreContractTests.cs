using Pipeline.Contracts;

namespace Pipeline.Storage.Tests;

/// <summary>The behaviour every store must have. Subclasses supply the store (SQLite here; MongoDB when MONGODB_URL is set).</summary>
public abstract partial class DocumentStoreContractTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    protected abstract Task<IDocumentStore> CreateStoreAsync();

    protected static StoredDocument Document(
        string uri,
        string title,
        string text,
        long version = 1,
        DateTimeOffset? published = null,
        params (string Type, string Text, string Canonical)[] entities)
    {
        var mentions = entities
            .Select(e => new EntityMention(e.Type, e.Text, Math.Max(0, text.IndexOf(e.Text, StringComparison.Ordinal)), Math.Max(0, text.IndexOf(e.Text, StringComparison.Ordinal)) + e.Text.Length, e.Canonical, null))
            .ToList();
        var kind = uri.StartsWith("http", StringComparison.Ordinal) ? "web" : "inbox";
        return new StoredDocument
        {
            Id = DocumentIdentity.ForSourceUri(uri),
            Source = new DocumentSource(kind, uri, uri),
            Title = title,
            Text = text,
            Language = "en",
            Published = published,
            FetchedAt = Start.AddMinutes(version),
            Version = version,
            ContentHash = ContentHashing.Hash(text),
            Entities = mentions,
            EntityKeys = StoredDocuments.EntityKeysOf(mentions),
            Removed = [new RemovedText("share-buttons", "Share on Facebook", text.Length), new RemovedText("credits", "Image: Getty")],
        };
    }

    [Fact]
    public async Task Upsert_is_idempotent_and_round_trips_the_document()
    {
        var store = await CreateStoreAsync();
        var document = Document("https://example.com/a", "Ketamine and pain", "Ketamine eases chronic pain.", 1, Start, ("Chemical", "Ketamine", "ketamine"), ("Disease", "chronic pain", "chronic pain"));

        var first = await store.UpsertAsync(document, default);
        var second = await store.UpsertAsync(document, default);
        var stored = await store.GetAsync(document.Id, default);

        Assert.Equal(StoreOutcome.Stored, first.Outcome);
        Assert.Equal(StoreOutcome.Unchanged, second.Outcome);
        Assert.NotNull(stored);
        Assert.Equal(document.Text, stored.Text);
        Assert.Equal(document.Source, stored.Source);
        Assert.Equal(Start, stored.Published);
        Assert.Equal(["Chemical:ketamine", "Disease:chronic pain"], stored.EntityKeys);
        Assert.Equal(document.Entities, stored.Entities);
        Assert.Equal(document.Removed, stored.Removed);
        Assert.Equal(1, await store.CountAsync(new DocumentQuery(), default));
    }

    [Fact]
    public async Task An_older_version_never_overwrites_a_newer_one()
    {
        var store = await CreateStoreAsync();
        await store.UpsertAsync(Document("https://example.com/v", "New", "The second version of the text.", 2), default);

        var result = await store.UpsertAsync(Document("https://example.com/v", "Old", "The first version of the text.", 1), default);

        Assert.Equal(StoreOutcome.Unchanged, result.Outcome);
        Assert.Equal("New", (await store.GetAsync(DocumentIdentity.ForSourceUri("https://example.com/v"), default))!.Title);
    }

    [Fact]
    public async Task A_newer_version_replaces_the_text_and_the_entities()
    {
        var store = await CreateStoreAsync();
        await store.UpsertAsync(Document("https://example.com/n", "Old", "Aspirin for headache.", 1, null, ("Chemical", "Aspirin", "aspirin")), default);

        var result = await store.UpsertAsync(Document("https://example.com/n", "New", "Ibuprofen for fever.", 2, null, ("Chemical", "Ibuprofen", "ibuprofen")), default);

        Assert.Equal(StoreOutcome.Stored, result.Outcome);
        var aspirin = await store.SearchAsync(new DocumentQuery { Entities = [EntityKey.Parse("Chemical:aspirin")] }, default);
        var ibuprofen = await store.SearchAsync(new DocumentQuery { Text = "ibuprofen" }, default);
        Assert.Empty(aspirin.Hits);
        Assert.Single(ibuprofen.Hits);
        Assert.Empty((await store.SearchAsync(new DocumentQuery { Text = "aspirin" }, default)).Hits);
    }

    [Fact]
    public async Task Identical_text_from_another_source_is_recorded_as_a_duplicate()
    {
        var store = await CreateStoreAsync();
        var original = Document("https://example.com/original", "Original", "Exactly the same words in both.");
        await store.UpsertAsync(original, default);

        var copy = await store.UpsertAsync(Document("inbox:///copy.txt", "Copy", "Exactly the same  words in both."), default);

        Assert.Equal(StoreOutcome.Duplicate, copy.Outcome);
        Assert.Equal(original.Id, copy.DuplicateOf);
        Assert.Equal(1, await store.CountAsync(new DocumentQuery(), default));
        Assert.Equal(1, (await store.GetStatisticsAsync(default)).Duplicates);
    }

    [Fact]
    public async Task A_duplicate_is_promoted_to_a_stored_document_when_its_original_changes()
    {
        var store = await CreateStoreAsync();
        const string Shared = "Ketamine eases chronic pain in the words both sources share.";
        var original = Document("https://example.com/a", "Original", Shared, 1, null, ("Chemical", "Ketamine", "ketamine"));
        await store.UpsertAsync(original, default);
        await store.UpsertAsync(Document("inbox:///b.txt", "Copy", Shared, 5), default);
        await store.UpsertAsync(Document("inbox:///c.txt", "Another copy", Shared, 6), default);

        await store.UpsertAsync(Document("https://example.com/a", "Original", "The original now says something else entirely.", 2), default);

        var hit = Assert.Single((await store.SearchAsync(new DocumentQuery { Text = "\"both sources share\"" }, default)).Hits);
        Assert.Equal(DocumentIdentity.ForSourceUri("inbox:///b.txt"), hit.Id);
        var promoted = await store.GetAsync(hit.Id, default);
        Assert.Equal("inbox:///b.txt", promoted!.Source.Uri);
        Assert.Equal(5, promoted.Version);
        Assert.Single((await store.SearchAsync(new DocumentQuery { Entities = [EntityKey.Parse("Chemical:ketamine")] }, default)).Hits);
        Assert.Equal(1, (await store.GetStatisticsAsync(default)).Duplicates);
        var again = await store.UpsertAsync(Document("inbox:///c.txt", "Another copy", Shared, 7), default);
        Assert.Equal(hit.Id, again.DuplicateOf);
    }

    [Fact]
    public async Task A_batch_gives_each_document_the_outcome_it_would_get_alone_in_arrival_order()
    {
        var store = await CreateStoreAsync();
        await store.UpsertAsync(Document("https://example.com/x", "X", "The stored text of X.", 2), default);
        const string Shared = "Aspirin for a headache, in words two sources share.";

        var first = await store.UpsertManyAsync(
        [
            Document("https://example.com/a", "A", Shared, 1, null, ("Chemical", "Aspirin", "aspirin")),
            Document("https://example.com/a", "A", Shared, 1),
            Document("inbox:///b.txt", "B", Shared, 1),
            Document("https://example.com/x", "Old X", "An older text of X.", 1),
            Document("https://example.com/c", "C", "The first text of C.", 1),
            Document("https://example.com/c", "C2", "The second text of C.", 2),
            Document("inbox:///d.txt", "D", "The second text of C.", 1),
        ], default);

        var ids = new[] { "https://example.com/a", "https://example.com/c" }.Select(DocumentIdentity.ForSourceUri).ToArray();
        Assert.Equal(
            [(StoreOutcome.Stored, null), (StoreOutcome.Unchanged, null), (StoreOutcome.Duplicate, ids[0]), (StoreOutcome.Unchanged, null), (StoreOutcome.Stored, null), (StoreOutcome.Stored, null), (StoreOutcome.Duplicate, ids[1])],
            first.Select(r => (r.Outcome, r.DuplicateOf)));
        Assert.Equal(3, await store.CountAsync(new DocumentQuery(), default));
        Assert.Equal(2, (await store.GetStatisticsAsync(default)).Duplicates);
        Assert.Equal("X", (await store.GetAsync(DocumentIdentity.ForSourceUri("https://example.com/x"), default))!.Title);
        Assert.Equal("C2", (await store.GetAsync(ids[1], default))!.Title);
        Assert.Empty((await store.SearchAsync(new DocumentQuery { Text = "first" }, default)).Hits);

        // A's text changes while B is its duplicate: B takes the shared text over, and a third copy points at B.
        var second = await store.UpsertManyAsync(
        [
            Document("https://example.com/a", "A2", "Aspirin, changed.", 2),
            Document("inbox:///e.txt", "E", Shared, 1),
        ], default);

        var b = DocumentIdentity.ForSourceUri("inbox:///b.txt");
        Assert.Equal([(StoreOutcome.Stored, null), (StoreOutcome.Duplicate, b)], second.Select(r => (r.Outcome, r.DuplicateOf)));
        Assert.Equal(b, Assert.Single((await store.SearchAsync(new DocumentQuery { Text = "\"two sources share\"" }, default)).Hits).Id);
    }

    [Fact]
    public async Task A_duplicate_is_promoted_when_its_original_is_deleted()
    {
        var store = await CreateStoreAsync();
        const string Shared = "Words held by a document about to be deleted.";
        var original = Document("https://example.com/gone", "Gone", Shared);
        await store.UpsertAsync(original, default);
        await store.UpsertAsync(Document("inbox:///kept.txt", "Kept", Shared, 3), default);

        Assert.True(await store.DeleteAsync(original.Id, default));

        var hit = Assert.Single((await store.SearchAsync(new DocumentQuery { Text = "deleted" }, default)).Hits);
        Assert.Equal(DocumentIdentity.ForSourceUri("inbox:///kept.txt"), hit.Id);
        Assert.Equal(0, (await store.GetStatisticsAsync(default)).Duplicates);
    }

    [Fact]
    public async Task Text_entity_and_date_filters_combine()
    {
        var store = await CreateStoreAsync();
        await store.UpsertAsync(Document("https://a.example/1", "Ketamine for fibromyalgia", "Ketamine infusions reduce fibromyalgia pain scores.", 1, Start.AddDays(1), ("Chemical", "Ketamine", "ketamine"), ("Disease", "fibromyalgia", "fibromyalgia")), default);
        await store.UpsertAsync(Document("https://a.example/2", "Ketamine for depression", "Ketamine infusions lift depression quickly.", 1, Start.AddDays(2), ("Chemical", "Ketamine", "ketamine"), ("Disease", "depression", "depression")), default);
        await store.UpsertAsync(Document("https://b.example/3", "Sleep and fibromyalgia", "Poor sleep worsens fibromyalgia pain.", 1, Start.AddDays(30), ("Disease", "fibromyalgia", "fibromyalgia")), default);

        var both = await store.SearchAsync(new DocumentQuery { Text = "ketamine pain", Entities = [EntityKey.Parse("Disease:FIBROMYALGIA")] }, default);
        var twoEntities = await store.SearchAsync(new DocumentQuery { Entities = [EntityKey.Parse("Chemical:ketamine"), EntityKey.Parse("Disease:depression")] }, default);
        var inJanuaryFirstWeek = await store.SearchAsync(new DocumentQuery { Text = "fibromyalgia", From = Start, To = Start.AddDays(7) }, default);
        var byHost = await store.SearchAsync(new DocumentQuery { Source = "b.example" }, default);
        var phrase = await store.SearchAsync(new DocumentQuery { Text = "\"lift depression\"" }, default);
        var brokenPhrase = await store.SearchAsync(new DocumentQuery { Text = "\"depression lift\"" }, default);

        Assert.Equal("Ketamine for fibromyalgia", Assert.Single(both.Hits).Title);
        Assert.Contains(both.Hits[0].Highlights, h => both.Hits[0].Snippet.Substring(h.Start, h.Length).Equals("Ketamine", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("Ketamine for depression", Assert.Single(twoEntities.Hits).Title);
        Assert.Equal("Ketamine for fibromyalgia", Assert.Single(inJanuaryFirstWeek.Hits).Title);
        Assert.Equal("Sleep and fibromyalgia", Assert.Single(byHost.Hits).Title);
        Assert.Single(phrase.Hits);
        Assert.Empty(brokenPhrase.Hits);
    }

    [Fact]
    public async Task Facets_count_documents_per_entity_over_the_matching_set()
    {
        var store = await CreateStoreAsync();
        await store.UpsertAsync(Document("https://f.example/1", "One", "Ketamine and fibromyalgia.", 1, null, ("Chemical", "Ketamine", "ketamine"), ("Disease", "fibromyalgia", "fibromyalgia")), default);
        await store.UpsertAsync(Document("https://f.example/2", "Two", "Ketamine and depression.", 1, null, ("Chemical", "Ketamine", "ketamine"), ("Disease", "depression", "depression")), default);
        await store.UpsertAsync(Document("https://f.example/3", "Three", "Aspirin and fibromyalgia.", 1, null, ("Chemical", "Aspirin", "aspirin"), ("Disease", "fibromyalgia", "fibromyalgia")), default);

        var all = await store.FacetsAsync(new DocumentQuery(), null, null, 10, default);
        var withKetamine = await store.FacetsAsync(new DocumentQuery { Entities = [EntityKey.Parse("Chemical:ketamine")] }, "Disease", null, 10, default);
        var cooccurring = await store.CooccurringAsync(EntityKey.Parse("Disease:fibromyalgia"), 10, default);

        // Display names have their own test below; here the counts.
        all = all.Select(f => f with { Display = null }).ToList();
        Assert.Contains(new EntityFacet("Chemical", "ketamine", 2), all);
        Assert.Contains(new EntityFacet("Disease", "fibromyalgia", 2), all);
        Assert.Equal([new EntityFacet("Disease", "depression", 1), new EntityFacet("Disease", "fibromyalgia", 1)], withKetamine.Select(f => f with { Display = null }));
        Assert.Equal(2, cooccurring.Count);
    }

    [Fact]
    public async Task Facets_and_cooccurring_entities_carry_the_surface_form_most_documents_use()
    {
        var store = await CreateStoreAsync();
        await store.UpsertAsync(Document("https://d.example/1", "One", "Ketamine and Fibromyalgia.", 1, null, ("Chemical", "Ketamine", "ketamine"), ("Disease", "Fibromyalgia", "fibromyalgia")), default);
        await store.UpsertAsync(Document("https://d.example/2", "Two", "Ketamine and fibromyalgia.", 1, null, ("Chemical", "Ketamine", "ketamine"), ("Disease", "fibromyalgia", "fibromyalgia")), default);
        await store.UpsertAsync(Document("https://d.example/3", "Three", "More ketamine, and fibromyalgia.", 1, null, ("Chemical", "ketamine", "ketamine"), ("Disease", "fibromyalgia", "fibromyalgia")), default);

        var facets = await store.FacetsAsync(new DocumentQuery(), null, null, 10, default);
        var cooccurring = await store.CooccurringAsync(EntityKey.Parse("Disease:fibromyalgia"), 10, default);

        Assert.Equal("Ketamine", facets.Single(f => f.Key == "Chemical:ketamine").Name);
        Assert.Equal("fibromyalgia", facets.Single(f => f.Key == "Disease:fibromyalgia").Name);
        Assert.Equal("Ketamine", Assert.Single(cooccurring).Display);

        // Replacing and deleting documents take their forms out of the count.
        await store.UpsertAsync(Document("https://d.example/1", "One", "ketamine again.", 2, null, ("Chemical", "ketamine", "ketamine")), default);
        await store.DeleteAsync(DocumentIdentity.ForSourceUri("https://d.example/2"), default);
        facets = await store.FacetsAsync(new DocumentQuery(), "Chemical", null, 10, default);
        Assert.Equal("ketamine", Assert.Single(facets).Name);
    }

    [Fact]
    public async Task Outcomes_are_kept_replaced_tracked_only_when_asked_and_expire()
    {
        var store = await CreateStoreAsync();
        var outcomes = (IOutcomeStore)store;
        var now = DateTimeOffset.UtcNow;
        var id = Guid.NewGuid();
        var other = Guid.NewGuid();
        await outcomes.SaveOutcomeAsync(new DocumentOutcome(id, DocumentOutcome.Processing, null, null, null, null, now), now.AddHours(-1), false, default);
        await outcomes.SaveOutcomeAsync(new DocumentOutcome(id, DocumentOutcome.Rejected, "cleaner", "empty-after-cleaning", "Nothing left.", null, now), now.AddHours(-1), true, default);
        await outcomes.SaveOutcomeAsync(new DocumentOutcome(other, DocumentOutcome.Stored, null, null, null, null, now), now.AddHours(-1), true, default);

        var outcome = await outcomes.GetOutcomeAsync(id, now.AddHours(-1), default);
        Assert.Equal(new DocumentOutcome(id, DocumentOutcome.Rejected, "cleaner", "empty-after-cleaning", "Nothing left.", null, outcome!.RecordedAt), outcome);
        Assert.Null(await outcomes.GetOutcomeAsync(other, now.AddHours(-1), default));
        Assert.Null(await outcomes.GetOutcomeAsync(id, now.AddMinutes(1), default));
    }

    [Fact]
    public async Task The_last_run_of_each_crawl_and_the_documents_stored_per_minute_are_kept()
    {
        var store = await CreateStoreAsync();
        var runs = (ICrawlRunLog)store;
        var activity = (IStoreActivity)store;
        var now = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        await runs.SaveRunAsync(new CrawlRunRecord("news", now.AddMinutes(-5), null, 0, 0, 0, 0), default);
        await runs.SaveRunAsync(new CrawlRunRecord("news", now.AddMinutes(-5), now, 3, 2, 1, 7), default);
        await store.UpsertAsync(Document("https://m.example/1", "One", "First text."), default);
        await store.UpsertAsync(Document("https://m.example/2", "Two", "Second text."), default);

        Assert.Equal(new CrawlRunRecord("news", now.AddMinutes(-5), now, 3, 2, 1, 7), Assert.Single(await runs.ListLastRunsAsync(default)));
        var minutes = await activity.StoredPerMinuteAsync(now.AddHours(-1), default);
        Assert.Equal(2, minutes.Sum(m => m.Count));
        Assert.All(minutes, m => Assert.Equal(0, m.Minute.Second));
        Assert.Empty(await activity.StoredPerMinuteAsync(DateTimeOffset.UtcNow.AddMinutes(1), default));
        Assert.True(await activity.SizeBytesAsync(default) > 0);
    }

    [Fact]
    public async Task Pages_are_stable_when_documents_are_inserted_between_them()
    {
        var store = await CreateStoreAsync();
        for (var i = 0; i < 25; i++)
        {
            await store.UpsertAsync(Document($"https://p.example/{i}", $"Page {i}", $"Common words about pain, number {i}.", 1, Start.AddHours(i)), default);
        }

        foreach (var sort in new[] { SortOrder.Relevance, SortOrder.Date })
        {
            var seen = new List<Guid>();
            var expected = await store.CountAsync(new DocumentQuery { Text = "pain" }, default);
            var page = await store.SearchAsync(new DocumentQuery { Text = "pain", Sort = sort, Limit = 10 }, default);
            seen.AddRange(page.Hits.Select(h => h.Id));
            var round = 0;
            while (page.NextCursor is not null)
            {
                await store.UpsertAsync(Document($"https://p.example/new-{sort}-{round++}", "New", "Fresh words about pain.", 1, Start.AddYears(1)), default);
                page = await store.SearchAsync(new DocumentQuery { Text = "pain", Sort = sort, Limit = 10, Cursor = page.NextCursor }, default);
                seen.AddRange(page.Hits.Select(h => h.Id));
            }

            Assert.True(expected >= 25, $"{expected} documents match");
            Assert.Equal(expected, seen.Distinct().Count());
            Assert.Equal(seen.Count, seen.Distinct().Count());
        }
    }

    [Theory]
    [InlineData("{\"$where\": \"sleep(1000)\"}")]
    [InlineData("'; DROP TABLE documents; --")]
    [InlineData("title:* OR NEAR(a b) ^ -x")]
    [InlineData("\"unbalanced")]
    public async Task User_input_is_text_never_an_operator(string hostile)
    {
        var store = await CreateStoreAsync();
        await store.UpsertAsync(Document("https://i.example/1", "Safe", "Nothing to see here.", 1), default);

        var page = await store.SearchAsync(new DocumentQuery { Text = hostile, Source = hostile }, default);
        var facets = await store.FacetsAsync(new DocumentQuery { Text = hostile }, null, hostile, 5, default);

        Assert.Empty(page.Hits);
        Assert.Empty(facets);
        Assert.Equal(1, await store.CountAsync(new DocumentQuery(), default));
    }

    [Fact]
    public async Task Delete_removes_the_document_from_search()
    {
        var store = await CreateStoreAsync();
        var document = Document("https://d.example/1", "Gone", "Soon deleted text.", 1, null, ("Chemical", "text", "text"));
        await store.UpsertAsync(document, default);

        Assert.True(await store.DeleteAsync(document.Id, default));
        Assert.False(await store.DeleteAsync(document.Id, default));
        Assert.Null(await store.GetAsync(document.Id, default));
        Assert.Empty((await store.SearchAsync(new DocumentQuery { Text = "deleted" }, default)).Hits);
        Assert.Empty(await store.FacetsAsync(new DocumentQuery(), null, null, 5, default));
    }

    [Fact]
    public async Task Invalid_paging_and_cursors_are_refused_with_clear_errors()
    {
        var store = await CreateStoreAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => store.SearchAsync(new DocumentQuery { Limit = 0 }, default));
        await Assert.ThrowsAsync<ArgumentException>(() => store.SearchAsync(new DocumentQuery { Limit = 1000 }, default));
        await Assert.ThrowsAsync<ArgumentException>(() => store.SearchAsync(new DocumentQuery { Cursor = "not-a-cursor" }, default));
    }
}
