namespace Pipeline.Contracts;

/// <summary>How one fetch of one URL ended, as the fetcher reports it to the crawler.</summary>
public enum FetchOutcome
{
    /// <summary>New or changed content: a <see cref="DocumentFetched"/> was published.</summary>
    Fetched,

    /// <summary>304 Not Modified: nothing published.</summary>
    NotModified,

    /// <summary>200 with the same content hash as last time: nothing published.</summary>
    Unchanged,

    /// <summary>A 3xx with a Location: the crawler schedules the target (it owns per-host politeness).</summary>
    Redirect,

    /// <summary>The page names another URL as canonical: the crawler schedules that one instead.</summary>
    Canonical,

    /// <summary>429 or 503: the host asks us to slow down (see <c>RetryAfterSeconds</c>).</summary>
    Throttled,

    /// <summary>A 5xx, a timeout or a network failure: worth retrying later.</summary>
    TransientError,

    /// <summary>A 4xx, a blocked address or a broken URL: retrying will not help.</summary>
    PermanentError,

    /// <summary>The response was refused (too large, unsupported content type): a <see cref="DocumentRejected"/> was published.</summary>
    Rejected,
}
