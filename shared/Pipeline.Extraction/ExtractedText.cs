using Pipeline.Cleaning;

namespace Pipeline.Extraction;

/// <summary>What one format's extractor read: text (or HTML) for the cleaner, metadata, page starts and embedded files.</summary>
/// <param name="Format">One of <see cref="DocumentFormats"/>.</param>
/// <param name="Text">Plain text (paragraphs separated by blank lines) for the plain-text cleaner; with HTML parts, their words, used only to place <paramref name="Removed"/> in the cleaned text.</param>
/// <param name="HtmlParts">HTML documents (an e-mail's HTML body, an e-book's chapters), each through the HTML cleaner, joined in order.</param>
/// <param name="Metadata">Title, author and dates from the file's own properties.</param>
/// <param name="PageStarts">For paged formats, the offset in <paramref name="Text"/> where each page (1, 2, ...) starts.</param>
/// <param name="Removed">What the extractor dropped itself (running headers, page numbers, quoted replies...).</param>
/// <param name="Attachments">Embedded files to process as documents of their own (e-mail attachments, archive entries).</param>
internal sealed record ExtractedText(
    string Format,
    string Text,
    IReadOnlyList<string> HtmlParts,
    DocumentMetadata Metadata,
    IReadOnlyList<int> PageStarts,
    IReadOnlyList<RemovedBlock> Removed,
    IReadOnlyList<EmbeddedFile> Attachments)
{
    public static ExtractedText Plain(string format, string text, DocumentMetadata metadata, IReadOnlyList<RemovedBlock>? removed = null) =>
        new(format, text, [], metadata, [], removed ?? [], []);
}
