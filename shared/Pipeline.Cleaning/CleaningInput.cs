namespace Pipeline.Cleaning;

/// <summary>A document to clean: its raw bytes and what is known about them.</summary>
/// <param name="Content">The raw bytes, in any encoding.</param>
/// <param name="FileName">The file name (its extension picks HTML or plain text when there is no content type).</param>
/// <param name="ContentType">The HTTP content type, possibly with a charset.</param>
/// <param name="Url">The page's URL, for resolving relative links and the site name.</param>
public sealed record CleaningInput(ReadOnlyMemory<byte> Content, string? FileName = null, string? ContentType = null, Uri? Url = null)
{
    /// <summary>
    /// The text was extracted from a document format (PDF, Word, slides, e-mail): its lines are the document's own, not
    /// a web page copied as text, so the line model for page dumps is not asked about them.
    /// </summary>
    public bool Extracted { get; init; }
}
