using System.Text;
using DocumentFormat.OpenXml.Packaging;
using Drawing = DocumentFormat.OpenXml.Drawing;
using PresentationML = DocumentFormat.OpenXml.Presentation;

namespace Pipeline.Extraction.Office;

/// <summary>
/// PowerPoint (.pptx): slides in presentation order, the title first, then the other shapes' paragraphs, then the
/// speaker notes; core properties for title, author and date. Each slide is a page.
/// </summary>
internal static class PptxExtractor
{
    public static ExtractedText Extract(byte[] content) => OfficeErrors.Guard("PowerPoint", () =>
    {
        using var document = PresentationDocument.Open(new MemoryStream(content, writable: false), false);
        var part = document.PresentationPart;
        var text = new StringBuilder();
        var starts = new List<int>();
        var ids = part?.Presentation?.SlideIdList?.Elements<PresentationML.SlideId>() ?? [];
        foreach (var id in ids)
        {
            if (id.RelationshipId?.Value is not { } rel || part!.GetPartById(rel) is not SlidePart slide)
            {
                continue;
            }

            starts.Add(text.Length);
            Slide(slide, text);
        }

        return new ExtractedText(DocumentFormats.Pptx, text.ToString(), [], OfficeErrors.Core(document), starts, [], []);
    });

    private static void Slide(SlidePart slide, StringBuilder text)
    {
        var shapes = slide.Slide?.CommonSlideData?.ShapeTree?.Descendants<PresentationML.Shape>().ToList() ?? [];
        var titles = shapes.Where(IsTitle).ToList();
        foreach (var shape in titles.Concat(shapes.Except(titles)))
        {
            Paragraphs(shape, text, IsTitle(shape));
        }

        foreach (var table in slide.Slide?.Descendants<Drawing.Table>() ?? [])
        {
            foreach (var row in table.Elements<Drawing.TableRow>())
            {
                text.Append(string.Join('\t', row.Elements<Drawing.TableCell>().Select(c => Text(c)))).Append('\n');
            }

            text.Append('\n');
        }

        if (slide.NotesSlidePart?.NotesSlide is { } notes)
        {
            foreach (var shape in notes.Descendants<PresentationML.Shape>().Where(s => Placeholder(s) == PresentationML.PlaceholderValues.Body))
            {
                Paragraphs(shape, text, title: false);
            }
        }
    }

    private static void Paragraphs(PresentationML.Shape shape, StringBuilder text, bool title)
    {
        var lines = shape.TextBody?.Elements<Drawing.Paragraph>().Select(p => Text(p)).Where(t => t.Length > 0).ToList() ?? [];
        if (lines.Count == 0)
        {
            return;
        }

        text.Append(title ? string.Join(' ', lines) : string.Join('\n', lines)).Append("\n\n");
    }

    private static bool IsTitle(PresentationML.Shape shape) =>
        Placeholder(shape) is { } type && (type == PresentationML.PlaceholderValues.Title || type == PresentationML.PlaceholderValues.CenteredTitle);

    private static PresentationML.PlaceholderValues? Placeholder(PresentationML.Shape shape) =>
        shape.NonVisualShapeProperties?.ApplicationNonVisualDrawingProperties?.GetFirstChild<PresentationML.PlaceholderShape>()?.Type?.Value;

    private static string Text(DocumentFormat.OpenXml.OpenXmlElement element)
    {
        var text = new StringBuilder();
        foreach (var node in element.Descendants())
        {
            if (node is Drawing.Text t)
            {
                text.Append(t.Text);
            }
            else if (node is Drawing.Break)
            {
                text.Append(' ');
            }
        }

        return text.ToString().Trim();
    }
}
