using Microsoft.AspNetCore.Http;
using Pipeline.Cli;
using Pipeline.Crawler;

namespace Pipeline.Crawling.Tests;

/// <summary>A crawl meeting pages another crawl already fetched: they answer 304, and their links are still followed.</summary>
public sealed class UnchangedLinksTests
{
    private static readonly Dictionary<string, string[]> Links = new(StringComparer.Ordinal)
    {
        ["/"] = ["/a", "/b"],
        ["/a"] = ["/c"],
        ["/b"] = [],
        ["/c"] = [],
    };

    [Fact]
    public async Task A_new_crawl_over_an_already_crawled_site_follows_the_links_of_unchanged_pages()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var site = await TestSite.StartAsync(ServeAsync);
        using var data = new TempDirectory();
        var settings = CrawlOnceTests.Settings(delay: 20);

        var first = CrawlDefinitions.Create("first", [site.BaseUrl + "/"], TimeSpan.FromDays(1), null, 2, 100, "same-host", false, DateTimeOffset.UtcNow);
        var firstOutput = new StringWriter();
        Assert.Equal(0, await CrawlOnce.RunAsync(first, data.Path, settings, firstOutput, cancel.Token));
        Assert.Contains("fetched 4, not modified 0", firstOutput.ToString(), StringComparison.Ordinal);

        // Another crawl of the same site: every page answers 304, and the crawl still walks the whole site.
        var before = site.Requests.Count;
        var second = CrawlDefinitions.Create("second", [site.BaseUrl + "/"], TimeSpan.FromDays(1), null, 2, 100, "same-host", false, DateTimeOffset.UtcNow);
        var secondOutput = new StringWriter();
        Assert.Equal(0, await CrawlOnce.RunAsync(second, data.Path, settings, secondOutput, cancel.Token));
        Assert.Contains("fetched 0, not modified 4", secondOutput.ToString(), StringComparison.Ordinal);
        var again = site.Requests.Skip(before).Where(r => r.PathAndQuery != "/robots.txt").ToList();
        Assert.Equal(["/", "/a", "/b", "/c"], again.Select(r => r.PathAndQuery).Order(StringComparer.Ordinal));
        Assert.All(again, r => Assert.NotEmpty(r.IfNoneMatch));
    }

    private static async Task ServeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (!Links.TryGetValue(path, out var links))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var etag = "\"v1" + path.Replace('/', '-') + "\"";
        if (context.Request.Headers.IfNoneMatch.ToString() == etag)
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        context.Response.Headers.ETag = etag;
        context.Response.ContentType = "text/html; charset=utf-8";
        var anchors = string.Concat(links.Select(l => $"<li><a href=\"{l}\">Page {l}</a></li>"));
        await context.Response.WriteAsync(
            $"<html><head><title>Page {path}</title></head><body><article><h1>Page {path}</h1>" +
            $"<p>Ketamine was studied for depression in patients at the clinic on page {path}; the trial ran for twelve weeks.</p>" +
            $"<p>Researchers measured outcomes every week and reported fewer symptoms in the treated group on page {path}.</p>" +
            $"<ul>{anchors}</ul></article></body></html>");
    }
}
