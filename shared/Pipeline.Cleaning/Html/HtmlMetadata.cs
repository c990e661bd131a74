namespace Pipeline.Cleaning.Html;

/// <summary>Metadata read from the head, OpenGraph and JSON-LD of a page.</summary>
internal sealed record HtmlMetadata(string? Title, string? Headline, DateTimeOffset? Published, string? Author, string? SiteName, string? Language, string? Description);
