using Pipeline.Storage;

namespace Pipeline.Crawler;

/// <summary>The frontier of one running crawl: a FIFO queue per origin (breadth first), the URLs already seen, those in flight, and its counts.</summary>
internal sealed class CrawlRun(CrawlDefinition definition, bool force, CrawlScope scope, DateTimeOffset startedAt)
{
    public CrawlDefinition Definition { get; } = definition;

    public string Name => Definition.Name;

    /// <summary>Fetch every known URL now (conditionally), due or not: <c>crawl once</c> and <c>crawl run</c>.</summary>
    public bool Force { get; } = force;

    public CrawlScope Scope { get; } = scope;

    public DateTimeOffset StartedAt { get; } = startedAt;

    public Dictionary<string, OriginQueue> Origins { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Seen { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, InFlightFetch> InFlight { get; } = new(StringComparer.Ordinal);

    public TaskCompletionSource<CrawlSummary> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Work started outside the lock that may still add to the frontier.</summary>
    public int Pending { get; set; }

    /// <summary>Pages taken toward <see cref="CrawlDefinition.MaxPages"/>.</summary>
    public int Reserved { get; set; }

    public int Fetched { get; set; }

    public int NotModified { get; set; }

    public int SkippedByRobots { get; set; }

    public int Errors { get; set; }

    public int Redirects { get; set; }

    public int Canonical { get; set; }

    public int NotDue { get; set; }

    public int Parked { get; set; }

    public int OverLimit { get; set; }

    public int Requests { get; set; }

    public List<Guid> FetchedDocuments { get; } = [];

    public List<string> ErrorDetails { get; } = [];

    public bool IsIdle => Pending == 0 && InFlight.Count == 0 && Origins.Values.All(o => o.Queue.Count == 0);

    /// <summary>Adds a URL the first time it is seen.</summary>
    public bool TryAdd(FrontierEntry entry)
    {
        if (!Seen.Add(entry.Url))
        {
            return false;
        }

        Enqueue(entry);
        return true;
    }

    /// <summary>Queues a URL again (a retry), without the seen check.</summary>
    public void Enqueue(FrontierEntry entry)
    {
        var uri = new Uri(entry.Url);
        var origin = uri.GetLeftPart(UriPartial.Authority);
        if (!Origins.TryGetValue(origin, out var queue))
        {
            queue = new OriginQueue(origin, Pipeline.Fetcher.UrlNormalizer.HostKey(uri));
            Origins[origin] = queue;
        }

        queue.Queue.Enqueue(entry);
    }

    public void Error(string url, string detail)
    {
        Errors++;
        if (ErrorDetails.Count < 100)
        {
            ErrorDetails.Add($"{url}: {detail}");
        }
    }

    public CrawlSummary Summary(DateTimeOffset now) => new(
        Name, Fetched, NotModified, SkippedByRobots, Errors, Redirects, Canonical, NotDue, Parked, OverLimit, Requests,
        now - StartedAt, FetchedDocuments.ToList(), ErrorDetails.ToList());
}

/// <summary>The queued URLs of one origin (scheme, host and port: robots.txt is per origin).</summary>
internal sealed class OriginQueue(string origin, string host)
{
    public string Origin { get; } = origin;

    /// <summary>The politeness key.</summary>
    public string Host { get; } = host;

    public Queue<FrontierEntry> Queue { get; } = new();

    public bool RobotsSitemapsAdded { get; set; }
}

/// <summary>A request a fetcher is working on.</summary>
/// <param name="Entry">The frontier entry.</param>
/// <param name="Host">Its politeness key.</param>
/// <param name="Since">When it was handed out.</param>
/// <param name="Previous">The URL's state when it was handed out (one crawl fetches a URL once at a time, so it is still current).</param>
internal sealed record InFlightFetch(FrontierEntry Entry, string Host, DateTimeOffset Since, Pipeline.Storage.FetchState? Previous);
