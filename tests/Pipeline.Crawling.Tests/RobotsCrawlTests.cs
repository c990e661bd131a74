using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Crawler;

namespace Pipeline.Crawling.Tests;

public sealed class RobotsCrawlTests
{
    [Fact]
    public async Task A_failing_robots_txt_means_wait_and_its_crawl_delay_is_kept()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var robotsCalls = 0;
        await using var site = await TestSite.StartAsync(async context =>
        {
            if (context.Request.Path == "/robots.txt")
            {
                if (Interlocked.Increment(ref robotsCalls) <= 2)
                {
                    context.Response.StatusCode = 503;
                    return;
                }

                await context.Response.WriteAsync("User-agent: *\nCrawl-delay: 0.5\nDisallow: /no\n");
                return;
            }

            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync(context.Request.Path == "/"
                ? "<a href=/a>a</a><a href=/b>b</a><a href=/no>no</a>"
                : "<p>A page.</p>");
        });
        using var data = new TempDirectory();
        var settings = CrawlOnceTests.Settings(delay: 0).With(("Pipeline:DataDirectory", data.Path), ("Crawler:EnableSchedule", "false"), ("Crawler:RetriesPerRun", "2"));
        using var host = Hosts.Crawler(settings, withFetcher: true);
        await host.StartAsync(cancel.Token);
        try
        {
            var definition = CrawlDefinitions.Create("robots", [site.BaseUrl + "/"], TimeSpan.FromDays(1), null, 1, 10, "same-host", false, DateTimeOffset.UtcNow);
            var summary = await host.Services.GetRequiredService<CrawlCoordinator>().RunAsync(definition, true, cancel.Token);

            Assert.Equal(3, summary!.Fetched);
            Assert.Equal(1, summary.SkippedByRobots);
            var requests = site.Requests;
            Assert.Equal(["/robots.txt", "/robots.txt", "/robots.txt"], requests.Take(3).Select(r => r.PathAndQuery));
            Assert.Equal(3, requests.Count(r => r.PathAndQuery == "/robots.txt"));

            // The delay configured is 0; robots.txt's Crawl-delay of 0.5 s applies once it is read.
            CrawlOnceTests.AssertSpacing(requests.Skip(2).ToList(), 500);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_robots_txt_that_keeps_failing_ends_the_run_for_its_host_with_an_error()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var site = await TestSite.StartAsync(context =>
        {
            context.Response.StatusCode = context.Request.Path == "/robots.txt" ? 500 : 200;
            return Task.CompletedTask;
        });
        using var data = new TempDirectory();
        var settings = CrawlOnceTests.Settings(delay: 0).With(("Pipeline:DataDirectory", data.Path), ("Crawler:EnableSchedule", "false"));
        using var host = Hosts.Crawler(settings, withFetcher: true);
        await host.StartAsync(cancel.Token);
        try
        {
            var definition = CrawlDefinitions.Create("down", [site.BaseUrl + "/"], TimeSpan.FromDays(1), null, 1, 10, "same-host", false, DateTimeOffset.UtcNow);
            var summary = await host.Services.GetRequiredService<CrawlCoordinator>().RunAsync(definition, true, cancel.Token);

            Assert.Equal(0, summary!.Fetched);
            Assert.Equal(1, summary.Errors);
            Assert.Contains("robots.txt of " + site.BaseUrl + " could not be read", summary.ErrorDetails[0], StringComparison.Ordinal);
            Assert.All(site.Requests, r => Assert.Equal("/robots.txt", r.PathAndQuery));
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }
}
