using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;
using Pipeline.Cleaning;

namespace Pipeline.Extraction.Archives;

/// <summary>EPUB: the OPF package's metadata (title, creator, date) and its spine's XHTML chapters, in reading order.</summary>
internal static class EpubExtractor
{
    private static readonly XNamespace Container = "urn:oasis:names:tc:opendocument:xmlns:container";
    private static readonly XNamespace Opf = "http://www.idpf.org/2007/opf";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";

    public static ExtractedText Extract(ReadOnlyMemory<byte> content, ExtractionOptions options, ExpansionBudget budget)
    {
        ExtractedText? result = null;
        ZipReader.Open(content, options, budget, zip =>
        {
            try
            {
                result = Read(zip);
            }
            catch (XmlException ex)
            {
                throw new CleaningRejectedException("corrupt", $"The e-book's package cannot be read: {ex.Message}");
            }
        });
        return result!;
    }

    private static ExtractedText Read(ZipArchive zip)
    {
        var container = Xml(zip, "META-INF/container.xml");
        var opfPath = container.Descendants(Container + "rootfile").Select(r => (string?)r.Attribute("full-path")).FirstOrDefault(p => p is not null)
            ?? throw new CleaningRejectedException("corrupt", "The e-book names no package document.");
        var opf = Xml(zip, opfPath);
        var folder = opfPath.Contains('/', StringComparison.Ordinal) ? opfPath[..(opfPath.LastIndexOf('/') + 1)] : string.Empty;
        var metadata = opf.Descendants(Opf + "metadata").FirstOrDefault();
        DateTimeOffset? date = DateTimeOffset.TryParse(metadata?.Element(Dc + "date")?.Value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var d) ? d : null;
        var meta = new DocumentMetadata(
            MetadataText.Title(metadata?.Element(Dc + "title")?.Value),
            MetadataText.Clean(string.Join(", ", metadata?.Elements(Dc + "creator").Select(c => c.Value) ?? [])),
            date);

        var manifest = opf.Descendants(Opf + "item")
            .Where(i => i.Attribute("id") is not null && i.Attribute("href") is not null)
            .GroupBy(i => (string)i.Attribute("id")!)
            .ToDictionary(g => g.Key, g => Uri.UnescapeDataString((string)g.First().Attribute("href")!), StringComparer.Ordinal);
        var chapters = new List<string>();
        foreach (var itemref in opf.Descendants(Opf + "itemref"))
        {
            if ((string?)itemref.Attribute("idref") is { } idref && manifest.TryGetValue(idref, out var href) && (string?)itemref.Attribute("linear") != "no")
            {
                var entry = zip.GetEntry(Normalize(folder + href));
                if (entry is not null)
                {
                    using var reader = new StreamReader(entry.Open());
                    chapters.Add(reader.ReadToEnd());
                }
            }
        }

        if (chapters.Count == 0)
        {
            throw new CleaningRejectedException("empty", "The e-book's spine lists no chapter that could be found.");
        }

        return new ExtractedText(DocumentFormats.Epub, string.Empty, chapters, meta, [], [], []);
    }

    private static XDocument Xml(ZipArchive zip, string path)
    {
        var entry = zip.GetEntry(path) ?? throw new CleaningRejectedException("corrupt", $"The e-book has no '{path}'.");
        using var stream = entry.Open();
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, MaxCharactersInDocument = 16 * 1024 * 1024 });
        return XDocument.Load(reader);
    }

    private static string Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (part is not ("." or ""))
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }
}
