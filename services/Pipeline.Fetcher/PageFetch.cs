using Pipeline.Contracts;

namespace Pipeline.Fetcher;

/// <summary>What one GET produced. <see cref="Body"/> is set only for <see cref="FetchOutcome.Fetched"/> and <see cref="FetchOutcome.Canonical"/> (an API fetch keeps that page).</summary>
internal sealed record PageFetch(FetchOutcome Outcome, int StatusCode, string? Error)
{
    public string? ETag { get; init; }

    public string? LastModified { get; init; }

    public string? ContentHash { get; init; }

    /// <summary>Where a redirect points, or the canonical URL.</summary>
    public string? Target { get; init; }

    public double? RetryAfterSeconds { get; init; }

    public IReadOnlyList<string> Links { get; init; } = [];

    public byte[]? Body { get; init; }

    /// <summary>The media type with the charset the body is in, e.g. <c>text/html; charset=utf-8</c>.</summary>
    public string? ContentType { get; init; }

    /// <summary>A short reason code for a rejection: <c>too-large</c>, <c>unsupported-content-type</c>.</summary>
    public string? RejectReason { get; init; }
}
