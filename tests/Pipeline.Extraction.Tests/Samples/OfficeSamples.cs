using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using P = DocumentFormat.OpenXml.Presentation;

namespace Pipeline.Extraction.Tests.Samples;

/// <summary>Word and PowerPoint files written with the Open XML SDK.</summary>
internal static class OfficeSamples
{
    public static readonly string[][] TableRows =
    [
        ["Town", "Basins", "Peak flow change"],
        ["Ostervik", "14", "minus 31 percent"],
        ["Brennmoor", "12", "planned"],
    ];

    /// <summary>A heading, the paragraphs (the text's lines when <paramref name="lines"/> is given), a bulleted list and a table.</summary>
    public static byte[] Docx(IEnumerable<string> paragraphs, bool withExtras = true, string? title = Article.Title, string? author = Article.Author)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            if (withExtras)
            {
                body.Append(Paragraph(Article.Title, "Heading1"));
            }

            foreach (var text in paragraphs)
            {
                body.Append(Paragraph(text));
            }

            if (withExtras)
            {
                body.Append(Paragraph("Lessons from the first winters", "Heading2"));
                foreach (var item in new[] { "Sweep the inlets every week in autumn", "Replace the gravel each spring" })
                {
                    body.Append(new Paragraph(
                        new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 1 })),
                        new Run(new Text(item))));
                }

                body.Append(new Table(TableRows.Select(row => new TableRow(row.Select(cell => new TableCell(new Paragraph(new Run(new Text(cell)))))))));
            }

            main.Document = new Document(body);
            if (title is not null)
            {
                document.PackageProperties.Title = title;
            }

            if (author is not null)
            {
                document.PackageProperties.Creator = author;
            }

            document.PackageProperties.Created = new DateTime(2024, 5, 14, 9, 30, 0, DateTimeKind.Utc);
        }

        return stream.ToArray();
    }

    private static Paragraph Paragraph(string text, string? style = null)
    {
        var paragraph = new Paragraph(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        if (style is not null)
        {
            paragraph.PrependChild(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }

        return paragraph;
    }

    /// <summary>One slide per (title, bullet lines, notes).</summary>
    public static byte[] Pptx(IReadOnlyList<(string Title, string[] Bullets, string Notes)> slides, string? title = "Rainwater gardens: first results")
    {
        using var stream = new MemoryStream();
        using (var document = PresentationDocument.Create(stream, PresentationDocumentType.Presentation))
        {
            var presentation = document.AddPresentationPart();
            presentation.Presentation = new P.Presentation(new P.SlideIdList());
            uint id = 256;
            foreach (var (slideTitle, bullets, notes) in slides)
            {
                var slide = presentation.AddNewPart<SlidePart>();
                slide.Slide = new P.Slide(new P.CommonSlideData(new P.ShapeTree(
                    Shape(2, P.PlaceholderValues.Title, [slideTitle]),
                    Shape(3, P.PlaceholderValues.Body, bullets))));
                var notesPart = slide.AddNewPart<NotesSlidePart>();
                notesPart.NotesSlide = new P.NotesSlide(new P.CommonSlideData(new P.ShapeTree(Shape(2, P.PlaceholderValues.Body, [notes]))));
                presentation.Presentation.SlideIdList!.Append(new P.SlideId { Id = id++, RelationshipId = presentation.GetIdOfPart(slide) });
            }

            if (title is not null)
            {
                document.PackageProperties.Title = title;
            }

            document.PackageProperties.Creator = Article.Author;
        }

        return stream.ToArray();
    }

    private static P.Shape Shape(uint id, P.PlaceholderValues placeholder, IEnumerable<string> lines) => new(
        new P.NonVisualShapeProperties(
            new P.NonVisualDrawingProperties { Id = id, Name = "Shape " + id },
            new P.NonVisualShapeDrawingProperties(),
            new P.ApplicationNonVisualDrawingProperties(new P.PlaceholderShape { Type = placeholder })),
        new P.ShapeProperties(),
        new P.TextBody([new A.BodyProperties(), .. lines.Select(l => new A.Paragraph(new A.Run(new A.Text(l))))]));

    public static readonly (string Title, string[] Bullets, string Notes)[] Deck =
    [
        ("Why rainwater gardens", ["Concrete gutters overflow in autumn storms", "Planted basins catch water where it falls"], "Start with the photographs of the flooded market street from two winters ago."),
        ("Results from Ostervik", ["Peak flow fell by almost a third", "Streets beside the basins stay cooler in summer"], "Mention that pupils from the secondary school took the temperature readings."),
        ("Next steps", ["Brennmoor plans twelve basins", "The water board pays half of the construction costs"], "Ask the councils present whether they want the drawings."),
    ];

    public static string DeckText => string.Join("\n", Deck.SelectMany(s => new[] { s.Title }.Concat(s.Bullets).Append(s.Notes)));
}
