using System.Globalization;
using System.Text.RegularExpressions;
using Pipeline.Fetcher;
using Pipeline.Storage;

namespace Pipeline.Crawler;

/// <summary>Builds and checks crawl definitions from what people type (the CLI) or configure (<c>Crawler:Crawls</c>).</summary>
internal static partial class CrawlDefinitions
{
    /// <summary>An interval such as <c>90s</c>, <c>30m</c>, <c>6h</c>, <c>1d</c> (or a TimeSpan such as <c>06:00:00</c>).</summary>
    public static TimeSpan ParseInterval(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = IntervalPattern().Match(text.Trim());
        TimeSpan interval;
        if (match.Success)
        {
            var value = double.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
            interval = match.Groups["unit"].Value.ToLowerInvariant() switch
            {
                "ms" => TimeSpan.FromMilliseconds(value),
                "s" => TimeSpan.FromSeconds(value),
                "m" => TimeSpan.FromMinutes(value),
                "h" => TimeSpan.FromHours(value),
                _ => TimeSpan.FromDays(value),
            };
        }
        else if (!TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out interval))
        {
            throw new FormatException($"'{text}' is not an interval: use a number and a unit, such as 30m, 6h or 1d.");
        }

        return interval > TimeSpan.Zero ? interval : throw new FormatException($"The interval '{text}' must be positive.");
    }

    /// <summary>A checked definition; throws <see cref="ArgumentException"/> with a message for people.</summary>
    public static CrawlDefinition Create(
        string name, IReadOnlyList<string> seeds, TimeSpan? every, string? cron, int depth, int maxPages, string scope, bool sitemap, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        if (!NamePattern().IsMatch(name ?? string.Empty))
        {
            throw new ArgumentException($"'{name}' is not a crawl name: use 1-64 letters, digits, '-', '_' or '.'.");
        }

        if ((every is null) == (cron is null))
        {
            throw new ArgumentException("Give exactly one of --every (an interval such as 6h) or --cron (a Quartz cron expression).");
        }

        if (cron is not null && !Quartz.CronExpression.TryParse(cron, out _))
        {
            throw new ArgumentException($"'{cron}' is not a valid Quartz cron expression (seconds minutes hours day-of-month month day-of-week, e.g. \"0 0 */6 * * ?\").");
        }

        if (every is { } interval && interval < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentException("The interval must be at least one second.");
        }

        if (depth is < 0 or > 100)
        {
            throw new ArgumentException("--depth must be between 0 and 100.");
        }

        if (maxPages is < 1 or > 10_000_000)
        {
            throw new ArgumentException("--max-pages must be between 1 and 10000000.");
        }

        if (!CrawlScope.Names.Contains(scope))
        {
            throw new ArgumentException($"Unknown scope '{scope}': use {string.Join(", ", CrawlScope.Names)}.");
        }

        var normalized = seeds.Select(SeedUrl).Distinct().ToList();
        if (normalized.Count == 0)
        {
            throw new ArgumentException("Give at least one seed URL.");
        }

        return new CrawlDefinition(name!, normalized, every, cron, depth, maxPages, scope, sitemap, now);
    }

    /// <summary>The normalised seed, or an <see cref="ArgumentException"/> saying what is wrong with it.</summary>
    public static string SeedUrl(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host) && uri.Scheme is "http" or "https")
        {
            throw new ArgumentException($"'{text}' is not a valid absolute URL.");
        }

        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException($"'{text}': the scheme '{uri.Scheme}' is not supported; only http and https URLs can be crawled.");
        }

        return UrlNormalizer.Normalize(uri) ?? throw new ArgumentException($"'{text}' is not a crawlable URL (credentials in URLs are not supported).");
    }

    /// <summary>Checks that every seed's host resolves to an address the crawler may reach.</summary>
    public static async Task CheckReachableAsync(IEnumerable<string> seeds, AddressGuard guard, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        ArgumentNullException.ThrowIfNull(guard);
        foreach (var seed in seeds)
        {
            var host = new Uri(seed).IdnHost;
            if (await guard.CheckHostAsync(host, cancellationToken) is { } error)
            {
                throw new ArgumentException($"'{seed}': {error}.");
            }
        }
    }

    public static CrawlDefinition FromConfiguration(ConfiguredCrawl crawl, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(crawl);
        return Create(
            crawl.Name, crawl.Seeds, crawl.Every is null ? null : ParseInterval(crawl.Every), crawl.Cron,
            crawl.Depth, crawl.MaxPages, crawl.Scope, crawl.Sitemap, now);
    }

    /// <summary>Whether two definitions schedule the same way (so a schedule need not be rebuilt).</summary>
    public static bool SameSchedule(CrawlDefinition a, CrawlDefinition b) => a.Interval == b.Interval && a.Cron == b.Cron;

    /// <summary>Whether two definitions crawl the same way (ignoring when they were saved).</summary>
    public static bool SameCrawl(CrawlDefinition a, CrawlDefinition b) =>
        SameSchedule(a, b) && a.Seeds.SequenceEqual(b.Seeds) && a.Depth == b.Depth && a.MaxPages == b.MaxPages && a.Scope == b.Scope && a.UseSitemap == b.UseSitemap;

    [GeneratedRegex(@"^(?<n>\d+(\.\d+)?)\s*(?<unit>ms|s|m|h|d)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IntervalPattern();

    [GeneratedRegex(@"^[A-Za-z0-9._-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
