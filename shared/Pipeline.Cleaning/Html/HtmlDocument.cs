namespace Pipeline.Cleaning.Html;

/// <summary>A parsed page: the body tree plus what the head and structured data say about it.</summary>
internal sealed class HtmlDocument
{
    public HtmlNode Root { get; } = new("#root", null);

    public string? Title { get; set; }

    public string? Language { get; set; }

    public string? Canonical { get; set; }

    /// <summary>meta name/property/itemprop (lower-case) to content; the first value wins.</summary>
    public Dictionary<string, string> Meta { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Raw JSON-LD script bodies.</summary>
    public List<string> JsonLd { get; } = [];

    /// <summary>Datetime attributes of time elements, in document order.</summary>
    public List<string> TimeValues { get; } = [];
}
