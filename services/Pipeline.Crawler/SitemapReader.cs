using System.Xml;

namespace Pipeline.Crawler;

/// <summary>Reads a sitemap (<c>&lt;urlset&gt;</c>) or a sitemap index (<c>&lt;sitemapindex&gt;</c>); no DTDs, no external entities.</summary>
internal static class SitemapReader
{
    public static (IReadOnlyList<string> Pages, IReadOnlyList<string> Sitemaps) Parse(string xml, int maxEntries)
    {
        ArgumentNullException.ThrowIfNull(xml);
        var pages = new List<string>();
        var sitemaps = new List<string>();
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        var parent = string.Empty;
        try
        {
            while (reader.Read() && pages.Count + sitemaps.Count < maxEntries)
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (reader.LocalName is "url" or "sitemap")
                {
                    parent = reader.LocalName;
                }
                else if (reader.LocalName == "loc")
                {
                    var loc = reader.ReadElementContentAsString().Trim();
                    (parent == "sitemap" ? sitemaps : pages).Add(loc);
                }
            }
        }
        catch (XmlException)
        {
            // A broken sitemap gives what was read before the break.
        }

        return (pages, sitemaps);
    }
}
