namespace Pipeline.Cleaning;

/// <summary>A document to clean: its raw bytes and what is known about them.</summary>
/// <param name="Content">The raw bytes, in any encoding.</param>
/// <param name="FileName">The file name (its extension picks HTML or plain text when there is no content type).</param>
/// <param name="ContentType">The HTTP content type, possibly with a charset.</param>
/// <param name="Url">The page's URL, for resolving relative links and the site name.</param>
public sealed record CleaningInput(ReadOnlyMemory<byte> Content, string? FileName = null, string? ContentType = null, Uri? Url = null);
