namespace Pipeline.Storage;

/// <summary>How much a site's template state may hold, so it stays bounded on endless crawls.</summary>
public sealed record SiteTemplateLimits
{
    /// <summary>Lines kept per site: beyond it, the least counted (then the least recently seen) are dropped.</summary>
    public int MaxLinesPerSite { get; init; } = 5_000;

    /// <summary>Document keys kept per site to recognise a document counted before: beyond it, the oldest are dropped.</summary>
    public int MaxDocumentsPerSite { get; init; } = 20_000;

    /// <summary>Lines not seen for this long are dropped (a redesigned site's old template ages out).</summary>
    public TimeSpan MaxAge { get; init; } = TimeSpan.FromDays(180);

    /// <summary>The site is trimmed when its document count is a multiple of this.</summary>
    public int PruneEvery { get; init; } = 50;

    /// <summary>Throws when a limit is out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxLinesPerSite, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDocumentsPerSite, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(PruneEvery, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(MaxAge, TimeSpan.Zero);
    }
}
