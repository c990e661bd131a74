using Pipeline.Crawler;

namespace Pipeline.Crawling.Tests;

public sealed class HostPolitenessTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Allows_one_request_in_flight_per_host()
    {
        var politeness = new HostPoliteness(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
        Assert.True(politeness.TryAcquire("a.example", T0, out _));
        Assert.False(politeness.TryAcquire("a.example", T0.AddSeconds(30), out var ready));
        Assert.Equal(DateTimeOffset.MaxValue, ready);
        Assert.True(politeness.TryAcquire("b.example", T0, out _));
    }

    [Fact]
    public void Waits_the_delay_after_a_request_ends()
    {
        var politeness = new HostPoliteness(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
        Assert.True(politeness.TryAcquire("a.example", T0, out _));
        politeness.Release("a.example", T0.AddMilliseconds(300), HostFeedback.Success);
        Assert.False(politeness.TryAcquire("a.example", T0.AddMilliseconds(1299), out var ready));
        Assert.Equal(T0.AddMilliseconds(1300), ready);
        Assert.True(politeness.TryAcquire("a.example", T0.AddMilliseconds(1300), out _));
    }

    [Fact]
    public void A_slot_given_back_without_a_request_costs_no_delay()
    {
        var politeness = new HostPoliteness(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
        Assert.True(politeness.TryAcquire("a.example", T0, out _));
        politeness.Release("a.example", T0, HostFeedback.NoRequest);
        Assert.True(politeness.TryAcquire("a.example", T0, out _));
    }

    [Fact]
    public void A_longer_crawl_delay_wins_over_the_configured_delay()
    {
        var politeness = new HostPoliteness(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
        politeness.SetCrawlDelay("a.example", TimeSpan.FromSeconds(5));
        politeness.SetCrawlDelay("b.example", TimeSpan.FromMilliseconds(10));
        Assert.Equal(TimeSpan.FromSeconds(5), politeness.DelayOf("a.example"));
        Assert.Equal(TimeSpan.FromSeconds(1), politeness.DelayOf("b.example"));
    }

    [Fact]
    public void Backs_off_exponentially_honours_retry_after_and_recovers_on_success()
    {
        var politeness = new HostPoliteness(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        var now = T0;
        var waits = new List<double>();
        for (var i = 0; i < 8; i++)
        {
            Assert.True(politeness.TryAcquire("a.example", now, out _));
            politeness.Release("a.example", now, HostFeedback.Slowdown);
            waits.Add((politeness.NextAllowedAt("a.example") - now).TotalSeconds);
            now = politeness.NextAllowedAt("a.example");
        }

        Assert.Equal([1, 2, 4, 8, 16, 32, 60, 60], waits);

        Assert.True(politeness.TryAcquire("a.example", now, out _));
        politeness.Release("a.example", now, HostFeedback.Slowdown, TimeSpan.FromSeconds(45));
        Assert.Equal(now.AddSeconds(60), politeness.NextAllowedAt("a.example"));

        now = now.AddSeconds(60);
        Assert.True(politeness.TryAcquire("a.example", now, out _));
        politeness.Release("a.example", now, HostFeedback.Success);
        Assert.Equal(now.AddSeconds(1), politeness.NextAllowedAt("a.example"));

        Assert.True(politeness.TryAcquire("a.example", now.AddSeconds(1), out _));
        politeness.Release("a.example", now.AddSeconds(1), HostFeedback.Slowdown, TimeSpan.FromSeconds(7));
        Assert.Equal(now.AddSeconds(8), politeness.NextAllowedAt("a.example"));
    }
}
