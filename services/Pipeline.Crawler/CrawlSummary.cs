namespace Pipeline.Crawler;

/// <summary>What one crawl run did.</summary>
internal sealed record CrawlSummary(
    string CrawlName,
    int Fetched,
    int NotModified,
    int SkippedByRobots,
    int Errors,
    int Redirects,
    int Canonical,
    int NotDue,
    int Parked,
    int OverLimit,
    int Requests,
    TimeSpan Elapsed,
    IReadOnlyList<Guid> FetchedDocuments,
    IReadOnlyList<string> ErrorDetails)
{
    public string ToLine() =>
        $"fetched {Fetched}, not modified {NotModified}, skipped by robots {SkippedByRobots}, errors {Errors}";

    public string ToDetailLine() =>
        $"{Requests} requests in {Elapsed.TotalSeconds:F1} s; {Redirects} redirects, {Canonical} canonicalised, {NotDue} not due, {Parked} parked, {OverLimit} over the page limit";
}
