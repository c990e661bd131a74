using System.Text.Json;
using Pipeline.Cleaning.Text;

namespace Pipeline.Cleaning.Html;

/// <summary>Reads title, dates, author, site name and language from meta tags, OpenGraph and JSON-LD.</summary>
internal static partial class MetadataReader
{
    public static HtmlMetadata Read(HtmlDocument doc, Uri? url)
    {
        var ld = JsonLdFields.Read(doc.JsonLd);
        var published = DateLine.ParseIso(ld.Published)
            ?? DateLine.ParseIso(First(doc, "article:published_time", "og:published_time", "datePublished", "publish-date", "publish_date", "pubdate", "date", "dc.date", "dc.date.issued", "sailthru.date", "parsely-pub-date", "article.published"))
            ?? (doc.TimeValues.Count > 0 ? DateLine.ParseIso(doc.TimeValues[0]) : null);

        var author = ld.Author ?? First(doc, "author", "article:author", "dc.creator", "parsely-author", "sailthru.author", "twitter:creator");
        if (author is not null && (author.StartsWith("http", StringComparison.OrdinalIgnoreCase) || author.StartsWith('@')))
        {
            author = null;
        }

        var site = First(doc, "og:site_name", "application-name", "apple-mobile-web-app-title") ?? ld.Publisher ?? url?.Host;
        var lang = Normalise(doc.Language) ?? Normalise(First(doc, "og:locale", "language", "content-language", "dc.language"));
        var headline = ld.Headline ?? First(doc, "og:title", "twitter:title", "headline");
        var description = ld.Body ?? First(doc, "og:description", "description", "twitter:description") ?? ld.Description;
        return new HtmlMetadata(doc.Title, headline, published, author, site, lang, description is null ? null : Flatten(description));
    }

    private static string? First(HtmlDocument doc, params ReadOnlySpan<string> keys)
    {
        foreach (var key in keys)
        {
            if (doc.Meta.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v))
            {
                return v;
            }
        }

        return null;
    }

    /// <summary>A description as plain text: markup some sites leave in JSON-LD dropped, entities and spaces tidied.</summary>
    private static string? Flatten(string text)
    {
        var lines = System.Net.WebUtility.HtmlDecode(Markup().Replace(text, "\n")).Split('\n')
            .Select(l => string.Join(' ', l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
            .Where(l => l.Length > 0);
        var s = string.Join("\n\n", lines);
        return s.Length == 0 ? null : s;
    }

    [System.Text.RegularExpressions.GeneratedRegex("<[^>]{0,500}>")]
    private static partial System.Text.RegularExpressions.Regex Markup();

    private static string? Normalise(string? lang)
    {
        if (string.IsNullOrWhiteSpace(lang))
        {
            return null;
        }

        var s = lang.Trim();
        var cut = s.IndexOfAny(['-', '_']);
        s = cut > 0 ? s[..cut] : s;
        return s.Length == 2 && char.IsAsciiLetter(s[0]) && char.IsAsciiLetter(s[1]) ? s.ToLowerInvariant() : null;
    }
}
