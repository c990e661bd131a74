using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pipeline.Crawler;
using Pipeline.Storage;
using Pipeline.Tests.Shared;
using Xunit.Abstractions;

namespace Pipeline.Crawling.Tests;

/// <summary>Fetchers as separate hosts competing on one RabbitMQ queue, with the crawler holding politeness.</summary>
[Collection(RabbitMqCollection.Name)]
public sealed class TwoFetcherTests(RabbitMqFixture rabbit, ITestOutputHelper output)
{
    [Fact]
    public async Task Two_fetchers_on_rabbitmq_share_the_work_and_keep_the_per_host_delay()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var site = await TestSite.StartAsync(context => ListSite(context, 12, 0), "127.0.0.1", "127.0.0.2");
        using var data = new TempDirectory();
        var settings = Base(data.Path, delay: 200, concurrency: 4);
        using var crawler = Hosts.Crawler(settings);
        using var fetcherA = Hosts.Fetcher(settings.With(("Crawler:UserAgent", "FetcherA/1.0")));
        using var fetcherB = Hosts.Fetcher(settings.With(("Crawler:UserAgent", "FetcherB/1.0")));
        await Task.WhenAll(fetcherA.StartAsync(cancel.Token), fetcherB.StartAsync(cancel.Token));
        await crawler.StartAsync(cancel.Token);
        try
        {
            var definition = CrawlDefinitions.Create("two", [.. site.BaseUrls.Select(u => u + "/")], TimeSpan.FromDays(1), null, 1, 100, "same-host", false, DateTimeOffset.UtcNow);
            var summary = await crawler.Services.GetRequiredService<CrawlCoordinator>().RunAsync(definition, true, cancel.Token);

            Assert.NotNull(summary);
            Assert.Equal(26, summary.Fetched); // two hosts, an index and 12 pages each
            var pages = site.Requests.Where(r => r.PathAndQuery != "/robots.txt").ToList();
            Assert.Equal(26, pages.Count);
            Assert.Contains(pages, r => r.UserAgent.StartsWith("FetcherA/", StringComparison.Ordinal));
            Assert.Contains(pages, r => r.UserAgent.StartsWith("FetcherB/", StringComparison.Ordinal));
            CrawlOnceTests.AssertSpacing(site.Requests, 200);

            // The two hosts were crawled side by side, not one after the other.
            var firstHostLast = site.Requests.Where(r => r.Host == "127.0.0.1").Max(r => r.Timestamp);
            var secondHostFirst = site.Requests.Where(r => r.Host == "127.0.0.2").Min(r => r.Timestamp);
            Assert.True(secondHostFirst < firstHostLast);
        }
        finally
        {
            await Task.WhenAll(fetcherA.StopAsync(CancellationToken.None), fetcherB.StopAsync(CancellationToken.None), crawler.StopAsync(CancellationToken.None));
        }
    }

    /// <summary>
    /// Throughput with the delay at 0 over 8 loopback hosts whose pages take 100 ms, each fetcher taking 2 requests at a
    /// time: more fetchers, more pages per second (until the one-request-per-host rule is the limit).
    /// </summary>
    [Fact]
    public async Task Throughput_grows_with_the_number_of_fetchers()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(80));
        string[] addresses = [.. Enumerable.Range(1, 8).Select(i => $"127.0.0.{i}")];
        await using var site = await TestSite.StartAsync(context => ListSite(context, 15, 100), addresses);
        var rates = new Dictionary<int, double>();
        foreach (var fetchers in new[] { 1, 2, 4 })
        {
            using var data = new TempDirectory();
            var settings = Base(data.Path, delay: 0, concurrency: 2);
            using var crawler = Hosts.Crawler(settings);
            var hosts = Enumerable.Range(0, fetchers).Select(_ => Hosts.Fetcher(settings)).ToList();
            await Task.WhenAll(hosts.Select(h => h.StartAsync(cancel.Token)));
            await crawler.StartAsync(cancel.Token);
            try
            {
                var definition = CrawlDefinitions.Create($"bench{fetchers}", [.. site.BaseUrls.Select(u => u + "/")], TimeSpan.FromDays(1), null, 1, 1000, "same-host", false, DateTimeOffset.UtcNow);
                var clock = Stopwatch.StartNew();
                var summary = await crawler.Services.GetRequiredService<CrawlCoordinator>().RunAsync(definition, true, cancel.Token);
                clock.Stop();
                Assert.Equal(8 * 16, summary!.Fetched);
                rates[fetchers] = summary.Fetched / clock.Elapsed.TotalSeconds;
                output.WriteLine($"{fetchers} fetcher(s): {summary.Fetched} pages in {clock.Elapsed.TotalSeconds:F2} s = {rates[fetchers]:F1} pages/s");
            }
            finally
            {
                await Task.WhenAll(hosts.Select(h => h.StopAsync(CancellationToken.None)));
                await crawler.StopAsync(CancellationToken.None);
                hosts.ForEach(h => h.Dispose());
            }
        }

        Assert.True(rates[2] > rates[1] * 1.3, $"2 fetchers: {rates[2]:F1} pages/s, 1 fetcher: {rates[1]:F1}");
        Assert.True(rates[4] > rates[2] * 1.2, $"4 fetchers: {rates[4]:F1} pages/s, 2 fetchers: {rates[2]:F1}");
    }

    private Dictionary<string, string?> Base(string data, int delay, int concurrency) =>
        rabbit.Settings().With(
            ("Pipeline:DataDirectory", data),
            ("Crawler:AllowPrivateNetworks", "true"),
            ("Crawler:EnableSchedule", "false"),
            ("Crawler:DelayMilliseconds", delay.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Crawler:FetcherConcurrency", concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>An index linking to <paramref name="pages"/> pages, each answered after <paramref name="latencyMs"/>.</summary>
    private static async Task ListSite(HttpContext context, int pages, int latencyMs)
    {
        var path = context.Request.Path.Value ?? "/";
        if (path == "/robots.txt")
        {
            context.Response.StatusCode = 404;
            return;
        }

        if (latencyMs > 0)
        {
            await Task.Delay(latencyMs, context.RequestAborted);
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        var links = path == "/" ? string.Concat(Enumerable.Range(1, pages).Select(i => $"<a href=\"/page/{i}\">{i}</a>")) : string.Empty;
        await context.Response.WriteAsync($"<html><body><h1>{context.Request.Host}{path}</h1><p>Text of {path}.</p>{links}</body></html>");
    }
}
