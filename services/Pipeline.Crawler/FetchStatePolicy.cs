using Pipeline.Contracts;
using Pipeline.Fetcher;
using Pipeline.Storage;

namespace Pipeline.Crawler;

/// <summary>
/// The next <see cref="FetchState"/> after a fetch: conditional-GET validators kept, the re-fetch interval halved
/// when the page changed and doubled when it did not, failures counted and the URL parked after too many.
/// </summary>
internal static class FetchStatePolicy
{
    public static FetchState Next(FetchState? previous, FetchCompleted completed, bool finalFailure, CrawlerOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(completed);
        ArgumentNullException.ThrowIfNull(options);
        var min = TimeSpan.FromMinutes(options.MinRefetchMinutes);
        var max = TimeSpan.FromMinutes(options.MaxRefetchMinutes);
        var interval = previous?.RefetchInterval is { } known && known > TimeSpan.Zero ? known : TimeSpan.FromMinutes(options.InitialRefetchMinutes);
        var state = previous ?? new FetchState(completed.Url, completed.CrawlName, null, null, null, null, null, 0, null, false, interval);
        state = state with { CrawlName = completed.CrawlName, LastFetchedAt = now };
        switch (completed.Outcome)
        {
            case FetchOutcome.Fetched:
                interval = previous is null ? interval : Clamp(interval / 2, min, max);
                return state with
                {
                    ETag = completed.ETag,
                    LastModified = completed.LastModified,
                    ContentHash = completed.ContentHash,
                    ErrorCount = 0,
                    LastError = null,
                    Parked = false,
                    RefetchInterval = interval,
                    NextDueAt = now + interval,
                    Links = completed.Links,
                };
            case FetchOutcome.NotModified or FetchOutcome.Unchanged or FetchOutcome.Redirect or FetchOutcome.Canonical:
                interval = Clamp(interval * 2, min, max);
                return state with
                {
                    ETag = completed.ETag ?? state.ETag,
                    LastModified = completed.LastModified ?? state.LastModified,
                    ContentHash = completed.ContentHash ?? state.ContentHash,

                    // A 304 has no body, hence no links: the last ones read stand.
                    Links = completed.Outcome is FetchOutcome.Unchanged or FetchOutcome.Canonical ? completed.Links : state.Links,
                    ErrorCount = 0,
                    LastError = null,
                    Parked = false,
                    RefetchInterval = interval,
                    NextDueAt = now + interval,
                };
            default:
                if (!finalFailure)
                {
                    return state;
                }

                var errors = state.ErrorCount + 1;
                var retryIn = TimeSpan.FromMinutes(Math.Min(options.MinRefetchMinutes * Math.Pow(2, errors - 1), interval.TotalMinutes));
                return state with
                {
                    ErrorCount = errors,
                    LastError = completed.Error ?? $"HTTP {completed.StatusCode}",
                    Parked = errors >= options.MaxErrors,
                    NextDueAt = now + retryIn,
                };
        }
    }

    private static TimeSpan Clamp(TimeSpan value, TimeSpan min, TimeSpan max) => value < min ? min : value > max ? max : value;
}
