using Microsoft.Extensions.DependencyInjection;
using Pipeline.Crawler;

namespace Pipeline.Crawling.Tests;

public sealed class SitemapCrawlTests
{
    [Fact]
    public async Task A_crawl_with_the_sitemap_finds_pages_no_link_leads_to()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var content = new CrawlSiteContent();
        await using var site = await TestSite.StartAsync(content.HandleAsync);
        using var data = new TempDirectory();
        var settings = CrawlOnceTests.Settings(delay: 20).With(("Pipeline:DataDirectory", data.Path), ("Crawler:EnableSchedule", "false"));
        using var host = Hosts.Crawler(settings, withFetcher: true);
        await host.StartAsync(cancel.Token);
        try
        {
            var definition = CrawlDefinitions.Create("maps", [site.BaseUrl + "/"], TimeSpan.FromDays(1), null, 0, 100, "same-host", true, DateTimeOffset.UtcNow);
            var summary = await host.Services.GetRequiredService<CrawlCoordinator>().RunAsync(definition, true, cancel.Token);

            Assert.Equal(2, summary!.Fetched); // the seed and /orphan, listed only in the sitemap
            Assert.Single(site.Requests, r => r.PathAndQuery == "/sitemap.xml");
            Assert.Contains(site.Requests, r => r.PathAndQuery == "/orphan");
            Assert.DoesNotContain(site.Requests, r => r.PathAndQuery == "/p/1"); // depth 0: links are not followed
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_run_stops_at_its_page_limit()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var content = new CrawlSiteContent();
        await using var site = await TestSite.StartAsync(content.HandleAsync);
        using var data = new TempDirectory();
        var settings = CrawlOnceTests.Settings(delay: 0).With(("Pipeline:DataDirectory", data.Path), ("Crawler:EnableSchedule", "false"));
        using var host = Hosts.Crawler(settings, withFetcher: true);
        await host.StartAsync(cancel.Token);
        try
        {
            var definition = CrawlDefinitions.Create("limit", [site.BaseUrl + "/"], TimeSpan.FromDays(1), null, 2, 4, "same-host", false, DateTimeOffset.UtcNow);
            var summary = await host.Services.GetRequiredService<CrawlCoordinator>().RunAsync(definition, true, cancel.Token);

            Assert.Equal(4, summary!.Requests);
            Assert.Equal(4, site.Requests.Count(r => r.PathAndQuery != "/robots.txt"));
            Assert.True(summary.OverLimit > 0);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }
}
