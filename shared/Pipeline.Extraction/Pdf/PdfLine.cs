namespace Pipeline.Extraction.Pdf;

/// <summary>One line of a block: its text and bounding box.</summary>
internal sealed record PdfLine(string Text, double Left, double Top, double Bottom);
