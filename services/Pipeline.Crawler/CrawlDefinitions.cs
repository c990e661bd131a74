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
            var seconds = value * match.Groups["unit"].Value.ToLowerInvariant() switch
            {
                "ms" => 0.001,
                "s" => 1,
                "m" => 60,
                "h" => 3600,
                _ => 86400,
            };
            if (seconds > MaxInterval.TotalSeconds)
            {
                throw new FormatException("The interval must be from 1 second to 365 days (30m, 6h, 1d).");
            }

            interval = TimeSpan.FromSeconds(seconds);
        }
        else if (!TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out interval))
        {
            throw new FormatException($"'{Shorten(text)}' is not an interval: use a number and a unit, such as 30m, 6h or 1d.");
        }

        return interval > TimeSpan.Zero ? interval : throw new FormatException("The interval must be from 1 second to 365 days (30m, 6h, 1d).");
    }

    /// <summary>The most seed URLs a crawl may have.</summary>
    public const int MaxSeeds = 100;

    /// <summary>The longest seed URL accepted, in characters.</summary>
    public const int MaxUrlLength = 2000;

    /// <summary>The deepest a crawl may follow links.</summary>
    public const int MaxDepth = 10;

    /// <summary>The most pages one run may fetch.</summary>
    public const int MaxPagesLimit = 1_000_000;

    /// <summary>The shortest interval between runs.</summary>
    public static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(1);

    /// <summary>The longest interval between runs.</summary>
    public static readonly TimeSpan MaxInterval = TimeSpan.FromDays(365);

    /// <summary>
    /// A checked definition; throws an <see cref="ArgumentException"/> whose parameter name is the field at fault and
    /// whose message is for people. The CLI, the API and configuration all come through here, so they accept the
    /// same crawls and refuse the others with the same words.
    /// </summary>
    public static CrawlDefinition Create(
        string name, IReadOnlyList<string> seeds, TimeSpan? every, string? cron, int depth, int maxPages, string scope, bool sitemap, DateTimeOffset now)
    {
        var errors = Check(name, seeds, every, cron, depth, maxPages, scope, out var normalized);
        if (errors.Count > 0)
        {
            var (field, message) = errors.First();
            throw new ArgumentException(message, field);
        }

        return new CrawlDefinition(name, normalized, every, cron?.Trim(), depth, maxPages, scope, sitemap, now);
    }

    /// <summary>Every problem with a crawl, by field (<c>name</c>, <c>seeds</c>, <c>interval</c>, <c>cron</c>, <c>depth</c>, <c>maxPages</c>, <c>scope</c>).</summary>
    public static Dictionary<string, string> Check(
        string? name, IReadOnlyList<string>? seeds, TimeSpan? every, string? cron, int depth, int maxPages, string? scope, out List<string> normalizedSeeds)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        normalizedSeeds = [];
        if (!NamePattern().IsMatch(name ?? string.Empty))
        {
            errors["name"] = $"'{Shorten(name)}' is not a crawl name: use 1-64 letters, digits, '-', '_' or '.'.";
        }

        if (seeds is null || seeds.Count is 0 or > MaxSeeds)
        {
            errors["seeds"] = $"Give 1 to {MaxSeeds} seed URLs.";
        }
        else
        {
            try
            {
                normalizedSeeds = seeds.Select(SeedUrl).Distinct().ToList();
            }
            catch (ArgumentException ex)
            {
                errors["seeds"] = ex.Message;
            }
        }

        if ((every is null) == string.IsNullOrWhiteSpace(cron))
        {
            errors["interval"] = "Give exactly one of an interval (30m, 6h, 1d) and a cron expression.";
        }
        else if (every is { } interval && (interval < MinInterval || interval > MaxInterval))
        {
            errors["interval"] = "The interval must be from 1 second to 365 days (30m, 6h, 1d).";
        }
        else if (cron is not null && (cron.Length > 120 || !Quartz.CronExpression.TryParse(cron.Trim(), out _)))
        {
            errors["cron"] = $"'{Shorten(cron)}' is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week, e.g. \"0 0 */6 * * ?\").";
        }

        if (depth is < 0 or > MaxDepth)
        {
            errors["depth"] = $"The depth must be from 0 (the seeds only) to {MaxDepth}.";
        }

        if (maxPages is < 1 or > MaxPagesLimit)
        {
            errors["maxPages"] = $"The page limit must be from 1 to {MaxPagesLimit}.";
        }

        if (scope is null || !CrawlScope.Names.Contains(scope))
        {
            errors["scope"] = $"Unknown scope '{Shorten(scope)}': use {string.Join(", ", CrawlScope.Names)}.";
        }

        return errors;
    }

    /// <summary>The normalised seed, or an <see cref="ArgumentException"/> saying what is wrong with it.</summary>
    public static string SeedUrl(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxUrlLength)
        {
            throw new ArgumentException($"'{Shorten(text)}' is longer than {MaxUrlLength} characters.");
        }

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

    public static CrawlDefinition FromConfiguration(ConfiguredCrawl crawl, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(crawl);
        return Create(
            crawl.Name, crawl.Seeds, crawl.Every is null ? null : ParseInterval(crawl.Every), crawl.Cron,
            crawl.Depth, crawl.MaxPages, crawl.Scope, crawl.Sitemap, now);
    }

    /// <summary>
    /// When the crawl runs next, as its schedule sees it: the next cron firing, or an interval after the last run
    /// started (due now when that has passed or it never ran).
    /// </summary>
    public static DateTimeOffset? NextRun(CrawlDefinition crawl, CrawlRunRecord? last, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(crawl);
        if (crawl.Cron is { } cron)
        {
            return Quartz.CronExpression.TryParse(cron, out _) ? new Quartz.CronExpression(cron).GetNextValidTimeAfter(now) : null;
        }

        if (crawl.Interval is not { } interval || last is null)
        {
            return now;
        }

        var next = last.StartedAt + interval;
        return next < now ? now : next;
    }

    /// <summary>The schedule in words: <c>every 6h</c> or <c>cron "0 0 6 * * ?"</c>.</summary>
    public static string Describe(CrawlDefinition crawl)
    {
        ArgumentNullException.ThrowIfNull(crawl);
        if (crawl.Cron is { } cron)
        {
            return $"cron \"{cron}\"";
        }

        var interval = crawl.Interval ?? TimeSpan.Zero;
        return "every " + (interval.TotalDays >= 1 && interval.TotalDays % 1 == 0 ? $"{interval.TotalDays:0}d"
            : interval.TotalHours >= 1 && interval.TotalHours % 1 == 0 ? $"{interval.TotalHours:0}h"
            : interval.TotalMinutes >= 1 && interval.TotalMinutes % 1 == 0 ? $"{interval.TotalMinutes:0}m"
            : $"{interval.TotalSeconds:0.###}s");
    }

    /// <summary>Whether two definitions schedule the same way (so a schedule need not be rebuilt).</summary>
    public static bool SameSchedule(CrawlDefinition a, CrawlDefinition b) => a.Interval == b.Interval && a.Cron == b.Cron;

    /// <summary>Whether two definitions crawl the same way (ignoring when they were saved).</summary>
    public static bool SameCrawl(CrawlDefinition a, CrawlDefinition b) =>
        SameSchedule(a, b) && a.Seeds.SequenceEqual(b.Seeds) && a.Depth == b.Depth && a.MaxPages == b.MaxPages && a.Scope == b.Scope && a.UseSitemap == b.UseSitemap;

    private static string Shorten(string? text) => text is { Length: > 80 } ? text[..80] + "…" : text ?? string.Empty;

    [GeneratedRegex(@"^(?<n>\d+(\.\d+)?)\s*(?<unit>ms|s|m|h|d)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IntervalPattern();

    [GeneratedRegex(@"^[A-Za-z0-9._-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
