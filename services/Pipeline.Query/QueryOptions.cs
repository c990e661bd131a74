namespace Pipeline.Query;

/// <summary>The <c>Query</c> configuration section (<c>Query__ApiKey=...</c>).</summary>
public sealed class QueryOptions
{
    public const string SectionName = "Query";

    /// <summary>The key writes need in the <c>X-Api-Key</c> header; with none set, writes are refused.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Whether reads need the key too (reads are open by default).</summary>
    public bool RequireKeyForReads { get; set; }

    /// <summary>How long the outcome of a submitted document (processing, stored, rejected, failed) is kept for its sender.</summary>
    public double OutcomeRetentionHours { get; set; } = 24;

    /// <summary>Origins allowed to call the API from other sites; empty (the default) turns CORS off.</summary>
    public string[] CorsOrigins { get; set; } = [];
}
