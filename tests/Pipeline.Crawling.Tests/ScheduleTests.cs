using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pipeline.Crawler;
using Pipeline.Storage;

namespace Pipeline.Crawling.Tests;

/// <summary>Quartz runs stored crawls on their schedule, picks up added and removed crawls without a restart.</summary>
public sealed class ScheduleTests
{
    [Fact]
    public async Task A_short_interval_triggers_runs_and_removing_the_crawl_stops_them()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(40));
        var content = new CrawlSiteContent();
        await using var site = await TestSite.StartAsync(content.HandleAsync);
        using var data = new TempDirectory();
        var settings = CrawlOnceTests.Settings(delay: 0).With(
            ("Pipeline:DataDirectory", data.Path),
            ("Crawler:ScheduleRefreshSeconds", "0.2"),
            ("Crawler:Crawls:0:Name", "configured"),
            ("Crawler:Crawls:0:Seeds:0", site.BaseUrl + "/p/1"),
            ("Crawler:Crawls:0:Every", "1s"),
            ("Crawler:Crawls:0:Depth", "0"));
        using var host = Hosts.Crawler(settings, withFetcher: true);
        await host.StartAsync(cancel.Token);
        try
        {
            var store = host.Services.GetRequiredService<ICrawlStateStore>();
            var coordinator = host.Services.GetRequiredService<CrawlCoordinator>();

            // A crawl added to the store while the host runs is scheduled at the next refresh.
            await store.SaveCrawlAsync(
                CrawlDefinitions.Create("added", [site.BaseUrl + "/p/2"], TimeSpan.FromSeconds(1), null, 0, 10, "same-host", false, DateTimeOffset.UtcNow),
                cancel.Token);

            await WaitUntil(() => coordinator.RunsStarted("configured") >= 3 && coordinator.RunsStarted("added") >= 3, cancel.Token);
            Assert.Contains(site.Requests, r => r.PathAndQuery == "/p/1");
            Assert.Contains(site.Requests, r => r.PathAndQuery == "/p/2");
            Assert.NotNull(await store.GetCrawlAsync("configured", cancel.Token));

            // Removing a crawl stops its runs; the other carries on.
            Assert.True(await store.DeleteCrawlAsync("added", cancel.Token));
            await Task.Delay(TimeSpan.FromSeconds(1), cancel.Token);
            var added = coordinator.RunsStarted("added");
            var configured = coordinator.RunsStarted("configured");
            await Task.Delay(TimeSpan.FromSeconds(2.5), cancel.Token);
            Assert.Equal(added, coordinator.RunsStarted("added"));
            Assert.True(coordinator.RunsStarted("configured") >= configured + 2);

            // Interval runs fetch only what is due: the page fetched by the first run was not fetched again.
            Assert.Single(site.Requests, r => r.PathAndQuery == "/p/2");
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public void Triggers_run_once_after_a_misfire_and_skip_a_firing_while_the_crawl_still_runs()
    {
        var interval = CrawlScheduleSync.BuildTrigger(
            CrawlDefinitions.Create("every", ["https://example.com/"], TimeSpan.FromHours(6), null, 1, 10, "same-host", false, DateTimeOffset.UtcNow));
        var simple = Assert.IsAssignableFrom<Quartz.ISimpleTrigger>(interval);
        Assert.Equal(TimeSpan.FromHours(6), simple.RepeatInterval);
        Assert.Equal(Quartz.SimpleTriggerMisfireInstruction.NowWithExistingCount, simple.MisfireInstruction);
        Assert.Equal(Quartz.OverlapPolicy.Skip, interval.OverlapPolicy);
        Assert.Equal(new Quartz.JobKey("every", CrawlJob.Group), interval.JobKey);

        var cron = CrawlScheduleSync.BuildTrigger(
            CrawlDefinitions.Create("cron", ["https://example.com/"], null, "0 0 */6 * * ?", 1, 10, "same-host", false, DateTimeOffset.UtcNow));
        var cronTrigger = Assert.IsAssignableFrom<Quartz.ICronTrigger>(cron);
        Assert.Equal("0 0 */6 * * ?", cronTrigger.CronExpressionString);
        Assert.Equal(Quartz.CronTriggerMisfireInstruction.FireAndProceed, cronTrigger.MisfireInstruction);
        Assert.Equal(Quartz.OverlapPolicy.Skip, cron.OverlapPolicy);
    }

    [Fact]
    public async Task A_cron_crawl_whose_firing_passed_while_the_crawler_was_down_runs_once_at_start()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(40));
        await using var site = await TestSite.StartAsync(context => context.Response.WriteAsync("<html><body><p>A page about ketamine.</p></body></html>"));
        using var data = new TempDirectory();
        var settings = CrawlOnceTests.Settings(delay: 0).With(("Pipeline:DataDirectory", data.Path), ("Crawler:ScheduleRefreshSeconds", "0.2"));
        var now = DateTimeOffset.UtcNow;
        const string yearly = "0 0 0 1 1 ?";
        using var host = Hosts.Crawler(settings, withFetcher: true);
        var store = host.Services.GetRequiredService<ICrawlStateStore>();

        // Defined two years ago, never run: the last New Year's firing was missed. The other ran a minute ago.
        await store.SaveCrawlAsync(new CrawlDefinition("missed", [site.BaseUrl + "/a"], null, yearly, 0, 10, "list", false, now.AddYears(-2)), cancel.Token);
        await store.SaveCrawlAsync(new CrawlDefinition("recent", [site.BaseUrl + "/b"], null, yearly, 0, 10, "list", false, now.AddYears(-2)), cancel.Token);
        await ((ICrawlRunLog)store).SaveRunAsync(new CrawlRunRecord("recent", now.AddMinutes(-1), now.AddMinutes(-1), 1, 0, 0, 1), cancel.Token);

        await host.StartAsync(cancel.Token);
        try
        {
            var coordinator = host.Services.GetRequiredService<CrawlCoordinator>();
            var sync = host.Services.GetRequiredService<CrawlScheduleSync>();
            await WaitUntil(() => coordinator.RunsStarted("missed") == 1 && !coordinator.IsRunning("missed"), cancel.Token);
            var refreshes = sync.Refreshes;
            await WaitUntil(() => sync.Refreshes >= refreshes + 5, cancel.Token);

            Assert.Equal(1, coordinator.RunsStarted("missed"));
            Assert.Equal(0, coordinator.RunsStarted("recent"));
            var run = (await ((ICrawlRunLog)store).ListLastRunsAsync(cancel.Token)).Single(r => r.CrawlName == "missed");
            Assert.Equal(1, run.Fetched);
            Assert.NotNull(run.FinishedAt);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Two_runs_of_one_crawl_never_overlap()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var content = new CrawlSiteContent { SlowMilliseconds = 1500 };
        await using var site = await TestSite.StartAsync(content.HandleAsync);
        using var data = new TempDirectory();
        var settings = CrawlOnceTests.Settings(delay: 0).With(("Pipeline:DataDirectory", data.Path), ("Crawler:EnableSchedule", "false"), ("Crawler:TimeoutSeconds", "5"));
        using var host = Hosts.Crawler(settings, withFetcher: true);
        await host.StartAsync(cancel.Token);
        try
        {
            var coordinator = host.Services.GetRequiredService<CrawlCoordinator>();
            var definition = CrawlDefinitions.Create("slow", [site.BaseUrl + "/slow"], TimeSpan.FromHours(1), null, 0, 10, "list", false, DateTimeOffset.UtcNow);
            var first = coordinator.RunAsync(definition, true, cancel.Token);
            await WaitUntil(() => coordinator.IsRunning("slow"), cancel.Token);
            Assert.Null(await coordinator.RunAsync(definition, true, cancel.Token));
            Assert.Equal(1, (await first)!.Fetched);
            Assert.False(coordinator.IsRunning("slow"));
            Assert.Equal(1, (await coordinator.RunAsync(definition, true, cancel.Token))!.NotModified);
            Assert.Equal(2, site.Requests.Count(r => r.PathAndQuery == "/slow"));
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    private static async Task WaitUntil(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            await Task.Delay(50, cancellationToken);
        }
    }
}
