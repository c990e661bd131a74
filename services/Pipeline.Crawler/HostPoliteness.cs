namespace Pipeline.Crawler;

/// <summary>
/// Per-host politeness, held by the crawler however many fetchers run: at most one request in flight per host,
/// and the next one no sooner than the delay (the configured one, or a longer robots.txt Crawl-delay) after the
/// previous one ended, or longer while the host asks us to back off. Not thread-safe: the caller locks.
/// </summary>
internal sealed class HostPoliteness(TimeSpan defaultDelay, TimeSpan maxBackoff)
{
    private readonly Dictionary<string, HostState> hosts = new(StringComparer.Ordinal);

    public int HostCount => hosts.Count;

    /// <summary>Takes the host's slot if it is free and its delay has passed; otherwise says when to ask again.</summary>
    public bool TryAcquire(string host, DateTimeOffset now, out DateTimeOffset readyAt)
    {
        var state = Get(host);
        if (state.Busy)
        {
            readyAt = DateTimeOffset.MaxValue; // released by a completion, which wakes the dispatcher
            return false;
        }

        if (now < state.NextAllowedAt)
        {
            readyAt = state.NextAllowedAt;
            return false;
        }

        state.Busy = true;
        readyAt = now;
        return true;
    }

    /// <summary>Gives the slot back once the request ended (at <paramref name="now"/>).</summary>
    public void Release(string host, DateTimeOffset now, HostFeedback feedback, TimeSpan? retryAfter = null)
    {
        var state = Get(host);
        state.Busy = false;
        switch (feedback)
        {
            case HostFeedback.NoRequest:
                break;
            case HostFeedback.Success:
                state.BackoffLevel = 0;
                state.NextAllowedAt = now + Delay(state);
                break;
            case HostFeedback.Slowdown:
                state.BackoffLevel = Math.Min(state.BackoffLevel + 1, 30);
                var exponential = TimeSpan.FromMilliseconds(Math.Max(Delay(state).TotalMilliseconds, 1000) * Math.Pow(2, state.BackoffLevel - 1));
                var wait = retryAfter is { } asked && asked > exponential ? asked : exponential;
                state.NextAllowedAt = now + (wait > maxBackoff ? maxBackoff : wait);
                break;
        }
    }

    /// <summary>Applies a robots.txt Crawl-delay when it is longer than the configured delay.</summary>
    public void SetCrawlDelay(string host, TimeSpan? crawlDelay) => Get(host).CrawlDelay = crawlDelay;

    public TimeSpan DelayOf(string host) => Delay(Get(host));

    public DateTimeOffset NextAllowedAt(string host) => Get(host).NextAllowedAt;

    private TimeSpan Delay(HostState state) =>
        state.CrawlDelay is { } crawlDelay && crawlDelay > defaultDelay ? crawlDelay : defaultDelay;

    private HostState Get(string host)
    {
        if (!hosts.TryGetValue(host, out var state))
        {
            state = new HostState();
            hosts[host] = state;
        }

        return state;
    }

    private sealed class HostState
    {
        public bool Busy { get; set; }

        public DateTimeOffset NextAllowedAt { get; set; } = DateTimeOffset.MinValue;

        public TimeSpan? CrawlDelay { get; set; }

        public int BackoffLevel { get; set; }
    }
}
