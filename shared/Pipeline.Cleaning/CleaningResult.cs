namespace Pipeline.Cleaning;

/// <summary>The cleaned main text of a document and its metadata.</summary>
/// <param name="Title">The document's title (empty when none was found).</param>
/// <param name="Text">The main text: paragraphs separated by a blank line; headings, list items and table rows on their own lines.</param>
/// <param name="Published">The publication date, when found.</param>
/// <param name="Author">The author, when found.</param>
/// <param name="SiteName">The site's name, when found.</param>
/// <param name="Language">ISO 639-1 code, when it could be told.</param>
/// <param name="Removed">What was dropped, with its kind, in document order.</param>
public sealed record CleaningResult(
    string Title,
    string Text,
    DateTimeOffset? Published,
    string? Author,
    string? SiteName,
    string? Language,
    IReadOnlyList<RemovedBlock> Removed);
