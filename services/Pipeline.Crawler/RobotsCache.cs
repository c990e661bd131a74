namespace Pipeline.Crawler;

/// <summary>robots.txt per origin, trusted for a while; an origin whose robots.txt could not be read waits (and is retried).</summary>
internal sealed class RobotsCache(TimeSpan ttl)
{
    private readonly Dictionary<string, Entry> entries = new(StringComparer.Ordinal);

    /// <summary>The rules for <paramref name="origin"/>, or null when they must be (re)fetched or are being waited for.</summary>
    public RobotsRules? Get(string origin, DateTimeOffset now, out int failures, out DateTimeOffset retryAt) => Get(origin, now, out failures, out retryAt, out _);

    /// <summary>As above, with why the last attempt failed (null when it did not).</summary>
    public RobotsRules? Get(string origin, DateTimeOffset now, out int failures, out DateTimeOffset retryAt, out string? lastError)
    {
        failures = 0;
        retryAt = now;
        lastError = null;
        if (!entries.TryGetValue(origin, out var entry))
        {
            return null;
        }

        failures = entry.Failures;
        lastError = entry.Error;
        if (entry.Rules is not null)
        {
            return now < entry.Until ? entry.Rules : null;
        }

        retryAt = entry.Until;
        return null;
    }

    public void Store(string origin, RobotsRules rules, DateTimeOffset now) => entries[origin] = new Entry(rules, now + ttl, 0, null);

    /// <summary>robots.txt answered 5xx or not at all: wait, longer each time, before asking again.</summary>
    public void Fail(string origin, DateTimeOffset now, string? error = null)
    {
        var failures = entries.TryGetValue(origin, out var entry) && entry.Rules is null ? entry.Failures + 1 : 1;
        var wait = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, failures - 1), ttl.TotalSeconds));
        entries[origin] = new Entry(null, now + wait, failures, error);
    }

    private sealed record Entry(RobotsRules? Rules, DateTimeOffset Until, int Failures, string? Error);
}
