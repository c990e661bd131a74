namespace Pipeline.Storage.Tests;

/// <summary>The site template port: counts per site, each document once, atomic under concurrent cleaners, bounded.</summary>
public abstract partial class DocumentStoreContractTests
{
    private static readonly DateTimeOffset TemplateStart = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private async Task<ISiteTemplateStore> CreateTemplateStoreAsync() => (ISiteTemplateStore)await CreateStoreAsync();

    [Fact]
    public async Task Site_lines_are_counted_per_site_and_a_document_is_counted_once()
    {
        var store = await CreateTemplateStoreAsync();
        var limits = new SiteTemplateLimits();

        Assert.True(await store.RecordSiteDocumentAsync("web:a.example", 1, [10, 20], limits, TemplateStart, default));
        Assert.True(await store.RecordSiteDocumentAsync("web:a.example", 2, [10, 30], limits, TemplateStart, default));
        Assert.False(await store.RecordSiteDocumentAsync("web:a.example", 2, [10, 30], limits, TemplateStart, default));
        Assert.True(await store.RecordSiteDocumentAsync("web:b.example", 2, [10], limits, TemplateStart, default));

        var a = await store.GetSiteLinesAsync("web:a.example", [10, 20, 30, 40], default);
        Assert.Equal(2, a.Documents);
        Assert.Equal(new SiteLineCount(2, 1), a.Lines[10]);
        Assert.Equal(new SiteLineCount(1, 1), a.Lines[20]);
        Assert.Equal(new SiteLineCount(1, 2), a.Lines[30]);
        Assert.False(a.Lines.ContainsKey(40));
        Assert.Equal(1, (await store.GetSiteLinesAsync("web:b.example", [10, 20], default)).Documents);
        Assert.Equal(SiteLineCounts.Empty, await store.GetSiteLinesAsync("web:c.example", [10], default));
    }

    [Fact]
    public async Task Concurrent_cleaners_lose_no_count()
    {
        var store = await CreateTemplateStoreAsync();
        var limits = new SiteTemplateLimits();

        await Task.WhenAll(Enumerable.Range(1, 24).Select(i =>
            Task.Run(() => store.RecordSiteDocumentAsync("inbox:///", i, [long.MinValue, 7, i * 1_000L], limits, TemplateStart, default))));

        var counts = await store.GetSiteLinesAsync("inbox:///", [long.MinValue, 7, 5_000], default);
        Assert.Equal(24, counts.Documents);
        Assert.Equal(24, counts.Lines[long.MinValue].Count);
        Assert.Equal(24, counts.Lines[7].Count);
        Assert.Equal(1, counts.Lines[5_000].Count);
    }

    [Fact]
    public async Task A_site_is_trimmed_to_its_most_counted_recent_lines()
    {
        var store = await CreateTemplateStoreAsync();
        var limits = new SiteTemplateLimits { MaxLinesPerSite = 3, MaxDocumentsPerSite = 4, PruneEvery = 5, MaxAge = TimeSpan.FromDays(30) };

        // Lines 1 and 2 recur; 100 is seen once, long ago; each document brings one line of its own.
        await store.RecordSiteDocumentAsync("web:t.example", 0, [100], limits, TemplateStart.AddDays(-60), default);
        for (var i = 1; i <= 4; i++)
        {
            await store.RecordSiteDocumentAsync("web:t.example", i, [1, 2, 100 + i], limits, TemplateStart.AddMinutes(i), default);
        }

        var counts = await store.GetSiteLinesAsync("web:t.example", [1, 2, 100, 101, 102, 103, 104], default);
        Assert.Equal(5, counts.Documents);
        Assert.Equal([1, 2, 104], counts.Lines.Keys.Order());
        Assert.Equal(4, counts.Lines[1].Count);

        // Only the 4 most recent document keys are remembered: the oldest may be counted again, the others not.
        Assert.False(await store.RecordSiteDocumentAsync("web:t.example", 4, [1], limits, TemplateStart.AddMinutes(9), default));
        Assert.True(await store.RecordSiteDocumentAsync("web:t.example", 0, [1], limits, TemplateStart.AddMinutes(9), default));
    }
}
