using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Pipeline.Extraction.Office;

/// <summary>
/// Word (.docx): paragraphs and headings in body order (one paragraph per block), list items and table rows as
/// lines (cells separated by tabs, which the cleaner turns into spaces, as it does for HTML tables), core properties for title, author and date. Headers, footers and comments are left out.
/// </summary>
internal static class DocxExtractor
{
    public static ExtractedText Extract(byte[] content) => OfficeErrors.Guard("Word", () =>
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(content, writable: false), false);
        var body = document.MainDocumentPart?.Document?.Body;
        var text = new StringBuilder();
        if (body is not null)
        {
            Blocks(body, text);
        }

        return ExtractedText.Plain(DocumentFormats.Docx, text.ToString(), OfficeErrors.Core(document));
    });

    private static void Blocks(OpenXmlElement container, StringBuilder text)
    {
        foreach (var element in container.ChildElements)
        {
            switch (element)
            {
                case Paragraph paragraph:
                    var line = ParagraphText(paragraph);
                    if (line.Length > 0)
                    {
                        var item = paragraph.ParagraphProperties?.NumberingProperties is not null;
                        text.Append(line).Append(item ? "\n" : "\n\n");
                    }

                    break;
                case Table table:
                    foreach (var row in table.Elements<TableRow>())
                    {
                        var cells = row.Elements<TableCell>().Select(c => string.Join(' ', c.Elements<Paragraph>().Select(ParagraphText).Where(t => t.Length > 0)));
                        text.Append(string.Join('\t', cells)).Append('\n');
                    }

                    text.Append('\n');
                    break;
                case SdtBlock or SdtContentBlock or CustomXmlBlock:
                    Blocks(element, text);
                    break;
            }
        }
    }

    public static string ParagraphText(Paragraph paragraph)
    {
        var text = new StringBuilder();
        foreach (var node in paragraph.Descendants())
        {
            switch (node)
            {
                case Text t when t.Parent is not DeletedRun:
                    text.Append(t.Text);
                    break;
                case TabChar:
                    text.Append(' ');
                    break;
                case Break or CarriageReturn:
                    text.Append(' ');
                    break;
                case NoBreakHyphen:
                    text.Append('-');
                    break;
            }
        }

        return text.ToString().Trim();
    }
}
