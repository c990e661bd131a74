using System.Net;
using System.Text;

namespace Pipeline.Extraction.Tests.Samples;

/// <summary>An EPUB 3 of three chapters (the article's paragraphs in thirds), spine order differing from file order.</summary>
internal static class EpubSamples
{
    public static readonly string[] ChapterTitles = ["The First Basins", "What the Sensors Showed", "The Towns Downstream"];

    public static IReadOnlyList<string[]> Chapters { get; } =
        [Article.Paragraphs[..3], Article.Paragraphs[3..6], Article.Paragraphs[6..]];

    public static string Text => string.Join("\n", Enumerable.Range(0, 3).SelectMany(i => new[] { ChapterTitles[i] }.Concat(Chapters[i])));

    public static byte[] Book()
    {
        const string container = """<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>""";
        var opf = $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
              <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
                <dc:identifier id="id">urn:uuid:7d1c5f4e-0000-4000-8000-000000000001</dc:identifier>
                <dc:title>{Article.Title}</dc:title><dc:creator>{Article.Author}</dc:creator><dc:date>2023-11-02</dc:date><dc:language>en</dc:language>
              </metadata>
              <manifest>
                <item id="c3" href="text/c3.xhtml" media-type="application/xhtml+xml"/>
                <item id="c1" href="text/c1.xhtml" media-type="application/xhtml+xml"/>
                <item id="c2" href="text/c2.xhtml" media-type="application/xhtml+xml"/>
              </manifest>
              <spine><itemref idref="c1"/><itemref idref="c2"/><itemref idref="c3"/></spine>
            </package>
            """;
        var entries = new List<(string, byte[])>
        {
            ("mimetype", "application/epub+zip"u8.ToArray()),
            ("META-INF/container.xml", Encoding.UTF8.GetBytes(container)),
            ("OEBPS/content.opf", Encoding.UTF8.GetBytes(opf)),
        };
        for (var i = 0; i < 3; i++)
        {
            var body = string.Concat(Chapters[i].Select(p => "<p>" + WebUtility.HtmlEncode(p) + "</p>"));
            var xhtml = $"""<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>{ChapterTitles[i]}</title></head><body><section><h1>{ChapterTitles[i]}</h1>{body}</section></body></html>""";
            entries.Add(($"OEBPS/text/c{i + 1}.xhtml", Encoding.UTF8.GetBytes(xhtml)));
        }

        return ArchiveSamples.Zip(entries, System.IO.Compression.CompressionLevel.NoCompression);
    }
}
