namespace Pipeline.Extraction.Pdf;

/// <summary>A block of text on a page in reading order: its lines, and its vertical extent (PDF units, y grows upwards).</summary>
internal sealed record PdfBlock(IReadOnlyList<string> Lines, double Top, double Bottom)
{
    public string Text => string.Join(' ', Lines);
}
