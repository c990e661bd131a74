namespace Pipeline.Cleaning;

/// <summary>How a document's text is structured.</summary>
internal enum DocumentFormat
{
    PlainText,
    Markdown,
    Html,
}
