namespace Pipeline.Extraction;

/// <summary>The format names stored with a document (<c>format</c>) and reported by extraction.</summary>
public static class DocumentFormats
{
    public const string Text = "text";
    public const string Html = "html";
    public const string Markdown = "markdown";
    public const string Pdf = "pdf";
    public const string Docx = "docx";
    public const string Pptx = "pptx";
    public const string Eml = "eml";
    public const string Epub = "epub";
    public const string Zip = "zip";
    public const string Tar = "tar";

    /// <summary>The file extensions that extraction reads, for the inbox's default list.</summary>
    public static IReadOnlyList<string> Extensions { get; } =
    [
        ".txt", ".md", ".markdown", ".html", ".htm", ".xhtml", ".pdf", ".docx", ".pptx", ".eml", ".epub", ".zip", ".tar", ".tar.gz", ".tgz",
    ];

    /// <summary>The HTTP media types that extraction reads, for the fetcher.</summary>
    public static IReadOnlyList<string> MediaTypes { get; } =
    [
        "text/html", "application/xhtml+xml", "text/plain", "text/markdown", "application/pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "message/rfc822", "application/epub+zip", "application/zip", "application/x-zip-compressed", "application/gzip",
        "application/x-gzip", "application/x-tar",
    ];
}
