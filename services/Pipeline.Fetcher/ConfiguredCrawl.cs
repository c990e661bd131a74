namespace Pipeline.Fetcher;

/// <summary>A crawl defined in configuration (<c>Crawler:Crawls:0:Name</c>, <c>Crawler__Crawls__0__Seeds__0</c>...).</summary>
public sealed class ConfiguredCrawl
{
    public string Name { get; set; } = string.Empty;

    public List<string> Seeds { get; set; } = [];

    /// <summary>An interval such as <c>6h</c>, <c>30m</c>, <c>1d</c>; or set <see cref="Cron"/>.</summary>
    public string? Every { get; set; }

    /// <summary>A Quartz cron expression such as <c>0 0 */6 * * ?</c>; or set <see cref="Every"/>.</summary>
    public string? Cron { get; set; }

    public int Depth { get; set; } = 2;

    public int MaxPages { get; set; } = 1000;

    public string Scope { get; set; } = "same-host";

    public bool Sitemap { get; set; }
}
