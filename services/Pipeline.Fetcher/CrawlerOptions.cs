using System.ComponentModel.DataAnnotations;

namespace Pipeline.Fetcher;

/// <summary>
/// The <c>Crawler</c> configuration section, read by the crawler and the fetchers alike (<c>Crawler__UserAgent=...</c>):
/// who we say we are, what we may reach, and how politely and persistently we crawl.
/// </summary>
public sealed class CrawlerOptions
{
    public const string SectionName = "Crawler";

    /// <summary>The product token robots.txt groups are matched against; the contact URL is appended.</summary>
    [Required]
    [RegularExpression(@"^[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)?$")]
    public string UserAgent { get; set; } = "PipelineBot/1.0";

    /// <summary>Where a site owner can read about the crawler and reach its operators.</summary>
    [Required]
    [Url]
    public string ContactUrl { get; set; } = "https://example.org/pipeline-bot";

    /// <summary>Allows loopback, private, link-local and metadata addresses (tests and intranets only).</summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>The minimum delay between two requests to one host; a longer robots.txt Crawl-delay wins.</summary>
    [Range(0, 600_000)]
    public int DelayMilliseconds { get; set; } = 1000;

    /// <summary>The longest a whole request may take, headers and body.</summary>
    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Redirects followed from one URL before giving up.</summary>
    [Range(0, 20)]
    public int MaxRedirects { get; set; } = 5;

    /// <summary>How long robots.txt is trusted before it is read again.</summary>
    [Range(1, 10_080)]
    public int RobotsCacheMinutes { get; set; } = 60;

    /// <summary>Consecutive failures after which a URL is parked (no longer fetched until it is reset).</summary>
    [Range(1, 1000)]
    public int MaxErrors { get; set; } = 5;

    /// <summary>Retries of a transient failure (5xx, timeout, 429) inside one run.</summary>
    [Range(0, 10)]
    public int RetriesPerRun { get; set; } = 2;

    /// <summary>The longest per-host backoff after 429/503 or server errors.</summary>
    [Range(1, 86_400)]
    public int MaxBackoffSeconds { get; set; } = 600;

    /// <summary>The first re-fetch interval of a new URL; it halves when the page changes and doubles when it does not.</summary>
    [Range(1, 1_000_000)]
    public int InitialRefetchMinutes { get; set; } = 1440;

    [Range(1, 1_000_000)]
    public int MinRefetchMinutes { get; set; } = 60;

    [Range(1, 1_000_000)]
    public int MaxRefetchMinutes { get; set; } = 43_200;

    /// <summary>Links taken from one page at most.</summary>
    [Range(0, 100_000)]
    public int MaxLinksPerPage { get; set; } = 2000;

    /// <summary>Fetches one fetcher process runs at once (each to a different host: the crawler sends one per host).</summary>
    [Range(1, 1024)]
    public int FetcherConcurrency { get; set; } = 16;

    /// <summary>Whether this host runs the Quartz schedule of the stored crawls (off for <c>pipeline crawl once</c>).</summary>
    public bool EnableSchedule { get; set; } = true;

    /// <summary>How often the schedule is compared with the stored crawl definitions, so changes apply without a restart.</summary>
    [Range(0.1, 3600)]
    public double ScheduleRefreshSeconds { get; set; } = 15;

    /// <summary>Crawls defined in configuration; they are written to the store at start (the store is the source of truth).</summary>
    public List<ConfiguredCrawl> Crawls { get; set; } = [];

    /// <summary>The User-Agent header: <c>PipelineBot/1.0 (+https://example.org/pipeline-bot)</c>.</summary>
    public string UserAgentHeader => $"{UserAgent} (+{ContactUrl})";
}
