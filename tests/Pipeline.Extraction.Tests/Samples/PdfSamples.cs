using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Writer;

namespace Pipeline.Extraction.Tests.Samples;

/// <summary>PDFs written with PdfPig's builder: an article in two columns with running header, footer, page numbers and hyphenated line ends.</summary>
internal static class PdfSamples
{
    private const double FontSize = 10;
    private const double Leading = 13;
    private const int ColumnChars = 44;

    /// <summary>
    /// An embedded TrueType font with its Unicode map, as real PDFs have. (PdfPig's Standard 14 writer declares
    /// StandardEncoding but writes Latin-1 codes, so '©' would read back as a quote.) DejaVu comes with fontconfig.
    /// </summary>
    private static readonly Lazy<byte[]> FontBytes = new(() =>
    {
        string[] candidates = ["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"];
        var path = candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("The PDF samples need a TrueType font: apt-get install fonts-dejavu-core.");
        return File.ReadAllBytes(path);
    });

    public const string Header = "Journal of Municipal Water Practice - Volume 7";
    public const string Footer = "Riverside Press - circulated for review only";

    /// <summary>Lays <paramref name="paragraphs"/> out in one or two columns over as many pages as needed.</summary>
    public static byte[] Article(IReadOnlyList<string> paragraphs, bool twoColumns = true, string? title = Samples.Article.Title, string? author = Samples.Article.Author, bool running = true, bool hyphenate = true, int columnChars = ColumnChars)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddTrueTypeFont(FontBytes.Value);
        if (title is not null)
        {
            builder.DocumentInformation.Title = title;
        }

        if (author is not null)
        {
            builder.DocumentInformation.Author = author;
        }

        var columns = twoColumns ? new[] { 50.0, 310.0 } : [50.0];
        var chars = twoColumns ? columnChars : columnChars * 2;
        var lines = new List<string?>();
        foreach (var paragraph in paragraphs)
        {
            lines.AddRange(Wrap(paragraph, chars, hyphenate));
            lines.Add(null);
        }

        var pageNumber = 0;
        var index = 0;
        while (index < lines.Count)
        {
            var page = builder.AddPage(PageSize.A4);
            pageNumber++;
            if (running)
            {
                page.AddText(Header, 8, new PdfPoint(50, 805), font);
                page.AddText(Footer, 8, new PdfPoint(50, 30), font);
                page.AddText(pageNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), 8, new PdfPoint(540, 30), font);
            }

            foreach (var x in columns)
            {
                var y = 760.0;
                while (index < lines.Count && y > 70)
                {
                    if (lines[index] is { } line)
                    {
                        page.AddText(line, FontSize, new PdfPoint(x, y), font);
                    }

                    y -= lines[index] is null ? Leading * 0.6 : Leading;
                    index++;
                }
            }
        }

        return builder.Build();
    }

    private static IEnumerable<string> Wrap(string paragraph, int width, bool hyphenate)
    {
        var line = string.Empty;
        foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (candidate.Length <= width)
            {
                line = candidate;
                continue;
            }

            var room = width - line.Length - 2;
            if (hyphenate && word.Length >= 8 && room >= 4 && room <= word.Length - 3 && char.IsLetter(word[room - 1]) && char.IsLower(word[room]))
            {
                yield return line + " " + word[..room] + "-";
                line = word[room..];
                continue;
            }

            yield return line;
            line = word;
        }

        if (line.Length > 0)
        {
            yield return line;
        }
    }
}
