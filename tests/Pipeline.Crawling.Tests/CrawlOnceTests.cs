using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pipeline.Cli;
using Pipeline.Crawler;
using Pipeline.Hosting;
using Pipeline.Storage;

namespace Pipeline.Crawling.Tests;

/// <summary><c>pipeline crawl once</c> end to end against the Kestrel test site: cleaning, tagging and storing included.</summary>
public sealed class CrawlOnceTests
{
    private const int DelayMilliseconds = 150;

    [Fact]
    public async Task Crawls_a_site_politely_stores_exactly_the_allowed_pages_and_recrawls_with_conditional_gets()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var content = new CrawlSiteContent { SlowMilliseconds = 3000 };
        await using var site = await TestSite.StartAsync(content.HandleAsync);
        using var data = new TempDirectory();
        var settings = Settings();
        var definition = CrawlDefinitions.Create(CrawlOnce.CrawlName, [site.BaseUrl + "/"], TimeSpan.FromDays(1), null, 2, 1000, "same-host", false, DateTimeOffset.UtcNow);

        var first = new StringWriter();
        var exit = await CrawlOnce.RunAsync(definition, data.Path, settings, first, cancel.Token);
        Assert.Equal(0, exit);

        // Exactly the in-scope, allowed, reachable pages up to depth 2 are stored, under their normalised URLs.
        var expected = CrawlSiteContent.ExpectedAtDepth2.Select(p => site.BaseUrl + p).ToHashSet();
        var (store, host) = OpenStore(data.Path);
        using (host)
        {
            Assert.Equal(expected.Count, await store.CountAsync(new DocumentQuery(), cancel.Token));
            var versions = new Dictionary<string, long>();
            foreach (var url in expected)
            {
                var document = await store.GetAsync(DocumentIdentity.ForSourceUri(url), cancel.Token);
                Assert.True(document is not null, $"{url} was not stored.\n{first}");
                Assert.Equal(url, document.Source.Uri);
                versions[url] = document.Version;
            }

            var line = first.ToString();
            Assert.Contains($"fetched {expected.Count}, not modified 0, skipped by robots 3, errors 4, stored {expected.Count}", line, StringComparison.Ordinal);

            var requests = site.Requests;

            // robots.txt: the disallowed folder and pattern are never requested; the Allow inside it is.
            Assert.DoesNotContain(requests, r => r.PathAndQuery.StartsWith("/private/", StringComparison.Ordinal) && r.PathAndQuery != "/private/open");
            Assert.DoesNotContain(requests, r => r.PathAndQuery.EndsWith(".pdf", StringComparison.Ordinal));
            Assert.Contains(requests, r => r.PathAndQuery == "/private/open");

            // nofollow, depth, scope and normalisation.
            Assert.DoesNotContain(requests, r => r.PathAndQuery == "/nofollowed");
            Assert.DoesNotContain(requests, r => r.PathAndQuery is "/p/21" or "/orphan");
            Assert.DoesNotContain(requests, r => r.PathAndQuery.Contains("utm_", StringComparison.Ordinal));
            Assert.Single(requests, r => r.PathAndQuery == "/p/1");

            // The redirect chain was followed hop by hop; the loop was cut after one round.
            Assert.Equal(["/go/r1", "/go/r2", "/go/r3", "/p/redirected"], requests.Select(r => r.PathAndQuery).Where(p => p.StartsWith("/go/", StringComparison.Ordinal) || p == "/p/redirected"));
            Assert.Single(requests, r => r.PathAndQuery == "/loop/a");
            Assert.Single(requests, r => r.PathAndQuery == "/loop/b");

            // Retries: the 500 and the 429 were retried (the 429 no sooner than its Retry-After); the slow page twice, then given up.
            Assert.Equal(2, requests.Count(r => r.PathAndQuery == "/flaky"));
            var throttled = requests.Where(r => r.PathAndQuery == "/throttled").ToList();
            Assert.Equal(2, throttled.Count);
            Assert.True(SiteRequest.MillisecondsBetween(throttled[0], throttled[1]) >= 1000, "Retry-After: 1 was not honoured");
            Assert.Equal(2, requests.Count(r => r.PathAndQuery == "/slow"));

            // Politeness: one host, never two requests closer than the delay, and who we are.
            AssertSpacing(requests, DelayMilliseconds);
            Assert.All(requests, r => Assert.StartsWith("PipelineBot/1.0 (+https://example.org/pipeline-bot)", r.UserAgent, StringComparison.Ordinal));

            // A second crawl sends conditional GETs, gets 304s, and creates no new versions.
            var before = requests.Count;
            var second = new StringWriter();
            Assert.Equal(0, await CrawlOnce.RunAsync(definition, data.Path, settings, second, cancel.Token));
            Assert.Contains("fetched 0, not modified ", second.ToString(), StringComparison.Ordinal);
            Assert.Contains("stored 0", second.ToString(), StringComparison.Ordinal);
            var again = site.Requests.Skip(before).ToList();
            Assert.Contains(again, r => r.PathAndQuery == "/p/15" && r.IfNoneMatch.Length > 0);
            Assert.All(expected, url => Assert.Contains(again, r => site.BaseUrl + r.PathAndQuery == url && r.IfNoneMatch.Length > 0));
            foreach (var url in expected)
            {
                var document = await store.GetAsync(DocumentIdentity.ForSourceUri(url), cancel.Token);
                Assert.Equal(versions[url], document!.Version);
            }

            // Within the second run too (each `crawl once` is its own process: politeness is held per crawler process).
            AssertSpacing(again, DelayMilliseconds);
        }
    }

    internal static Dictionary<string, string?> Settings(int delay = DelayMilliseconds) => new()
    {
        ["Crawler:AllowPrivateNetworks"] = "true",
        ["Crawler:DelayMilliseconds"] = delay.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Crawler:TimeoutSeconds"] = "1",
        ["Crawler:RetriesPerRun"] = "1",
        ["Pipeline:MaxDocumentBytes"] = (1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    internal static void AssertSpacing(IReadOnlyList<SiteRequest> requests, int delayMilliseconds)
    {
        foreach (var group in requests.GroupBy(r => r.Host))
        {
            var ordered = group.OrderBy(r => r.Timestamp).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                var gap = SiteRequest.MillisecondsBetween(ordered[i - 1], ordered[i]);
                Assert.True(gap >= delayMilliseconds - 2, $"{ordered[i - 1].PathAndQuery} then {ordered[i].PathAndQuery} on {group.Key} only {gap:F1} ms apart");
            }
        }
    }

    private static (IDocumentStore Store, IHost Host) OpenStore(string data)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Pipeline:DataDirectory"] = data });
        builder.AddPipelineStore();
        var host = builder.Build();
        return (host.Services.GetRequiredService<IDocumentStore>(), host);
    }
}
