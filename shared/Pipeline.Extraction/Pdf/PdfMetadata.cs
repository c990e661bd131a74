using System.Globalization;
using System.Xml.Linq;
using UglyToad.PdfPig;

namespace Pipeline.Extraction.Pdf;

/// <summary>Title, author and date from the information dictionary, with XMP (Dublin Core, xmp:CreateDate) filling gaps.</summary>
internal static class PdfMetadata
{
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Xmp = "http://ns.adobe.com/xap/1.0/";

    public static DocumentMetadata Read(PdfDocument document)
    {
        var info = document.Information;
        var title = MetadataText.Title(info.Title);
        var author = MetadataText.Clean(info.Author);
        DateTimeOffset? published = null;
        try
        {
            published = info.GetCreatedDateTimeOffset();
        }
        catch (FormatException)
        {
            // A malformed date is only a missing date.
        }

        if ((title is null || author is null || published is null) && document.TryGetXmpMetadata(out var xmp))
        {
            try
            {
                var xml = xmp.GetXDocument();
                title ??= MetadataText.Title(xml.Descendants(Dc + "title").Descendants().FirstOrDefault(e => !e.HasElements)?.Value);
                author ??= MetadataText.Clean(string.Join(", ", xml.Descendants(Dc + "creator").Descendants().Where(e => !e.HasElements).Select(e => e.Value)));
                if (published is null && DateTimeOffset.TryParse(xml.Descendants(Xmp + "CreateDate").FirstOrDefault()?.Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created))
                {
                    published = created;
                }
            }
            catch (System.Xml.XmlException)
            {
                // Broken XMP: the information dictionary is all we have.
            }
        }

        return new DocumentMetadata(title, author, published);
    }
}
