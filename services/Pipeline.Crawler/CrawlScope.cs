namespace Pipeline.Crawler;

/// <summary>Which URLs a crawl may follow: its seeds' hosts (<c>same-host</c>), paths under its seeds (<c>same-prefix</c>), or only the seeds (<c>list</c>).</summary>
internal sealed class CrawlScope
{
    public const string SameHost = "same-host";
    public const string SamePrefix = "same-prefix";
    public const string List = "list";

    public static readonly IReadOnlyList<string> Names = [SameHost, SamePrefix, List];

    private readonly string kind;
    private readonly HashSet<string> seeds;
    private readonly HashSet<string> origins;
    private readonly List<string> prefixes;

    /// <param name="kind">One of <see cref="Names"/>.</param>
    /// <param name="normalizedSeeds">Seeds in normalised form.</param>
    public CrawlScope(string kind, IEnumerable<string> normalizedSeeds)
    {
        ArgumentNullException.ThrowIfNull(normalizedSeeds);
        if (!Names.Contains(kind))
        {
            throw new ArgumentException($"Unknown scope '{kind}': use {string.Join(", ", Names)}.", nameof(kind));
        }

        this.kind = kind;
        seeds = new HashSet<string>(normalizedSeeds, StringComparer.Ordinal);
        origins = new HashSet<string>(StringComparer.Ordinal);
        prefixes = [];
        foreach (var seed in seeds)
        {
            var uri = new Uri(seed);
            origins.Add(uri.GetLeftPart(UriPartial.Authority));
            var path = uri.GetLeftPart(UriPartial.Path);
            prefixes.Add(path[..(path.LastIndexOf('/') + 1)]);
        }
    }

    /// <summary>Whether a normalised URL is inside the crawl.</summary>
    public bool Contains(string normalizedUrl) => kind switch
    {
        List => seeds.Contains(normalizedUrl),
        SamePrefix => prefixes.Any(p => normalizedUrl.StartsWith(p, StringComparison.Ordinal)),
        _ => origins.Contains(new Uri(normalizedUrl).GetLeftPart(UriPartial.Authority)),
    };
}
