namespace Pipeline.Extraction.Pdf;

/// <summary>A block of text on a page in reading order: its lines, each with its position (PDF units, y grows upwards).</summary>
internal sealed record PdfBlock(List<PdfLine> Lines)
{
    public string Text => string.Join(' ', Lines.Select(l => l.Text));
}
