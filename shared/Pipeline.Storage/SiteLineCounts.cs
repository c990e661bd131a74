namespace Pipeline.Storage;

/// <summary>A site's counted documents and, for the lines asked about that it has seen, their counts.</summary>
/// <param name="Documents">Documents counted for the site.</param>
/// <param name="Lines">Per line hash: in how many documents it appeared, and the site's document number when it was first seen.</param>
public sealed record SiteLineCounts(long Documents, IReadOnlyDictionary<long, SiteLineCount> Lines)
{
    /// <summary>A site never seen.</summary>
    public static SiteLineCounts Empty { get; } = new(0, new Dictionary<long, SiteLineCount>());
}
