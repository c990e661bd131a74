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

        var site = First(doc, "og:site_name", "application-name", "apple-mobile-web-app-title") ?? ld.Publisher ?? url?.Host;
        var author = ReadAuthor(doc, ld, site, url);

        var lang = Normalise(doc.Language) ?? Normalise(First(doc, "og:locale", "language", "content-language", "dc.language"));
        var headline = ld.Headline ?? First(doc, "og:title", "twitter:title", "headline");
        var description = ld.Body ?? First(doc, "og:description", "description", "twitter:description") ?? ld.Description;
        return new HtmlMetadata(doc.Title, headline, published, author, site, lang, description is null ? null : Flatten(description));
    }

    /// <summary>
    /// The author from structured data and meta tags, else the byline next to the page's heading. A product page has
    /// none: the names on it are the brand's, the seller's, a book's writer or its reviewers'; nor has a page that declares
    /// itself a collection or item list (its bylines are its items'); an article reviewing
    /// products has only its declared author. A name that is the site's own is kept only when no byline names a person
    /// and the page shows it.
    /// </summary>
    private static string? ReadAuthor(HtmlDocument doc, JsonLdFields ld, string? site, Uri? url)
    {
        // twitter:creator is the site's account more often than the writer's, and is left out.
        var declared = AuthorFinder.Clean(ld.Author)
            ?? AuthorFinder.Clean(First(doc, "author", "article:author", "dc.creator", "parsely-author", "sailthru.author", "byl"))
            ?? AuthorFinder.Clean(Labelled(doc, "written by", "author"))
            ?? AuthorFinder.Clean(FirstLast(First(doc, "citation_author")));
        var ogProduct = doc.Meta.TryGetValue("og:type", out var ogType) && ogType.StartsWith("product", StringComparison.OrdinalIgnoreCase);
        if (ogProduct || ((ld.IsProduct || ld.IsCollection) && !ld.IsArticle))
        {
            return null;
        }

        if (ld.IsProduct)
        {
            // An article about products: its reviews name people, the declared author (a person) is the writer.
            return declared is not null && !IsSiteName(declared, site, url) ? declared : null;
        }

        if (declared is not null && !IsSiteName(declared, site, url))
        {
            return declared;
        }

        var byline = AuthorFinder.Find(doc.Root, doc.Title);
        if (byline is not null && !IsSiteName(byline, site, url))
        {
            return byline;
        }

        // The site named as the author only in its meta tags, nowhere on the page: a default, not a byline.
        return declared is not null && AuthorFinder.Shown(doc.Root, declared) ? declared : byline;
    }

    /// <summary>"Ridge" on ridge.com, "USA TODAY" on usatoday.com: the publisher named as the author.</summary>
    private static bool IsSiteName(string name, string? site, Uri? url)
    {
        var key = Letters(name);
        if (key.Length < 3)
        {
            return false;
        }

        var host = url is null ? string.Empty : Letters(url.Host);
        return host.Contains(key, StringComparison.Ordinal) || (site is not null && Letters(site) is { Length: >= 3 } s && (s.Contains(key, StringComparison.Ordinal) || key.Contains(s, StringComparison.Ordinal)));
    }

    private static string Letters(string s) => string.Concat(s.Where(char.IsLetterOrDigit)).ToLowerInvariant();

    /// <summary>A scholarly citation's "Last, First" ("Roy, Aniruddha") as the name reads ("Aniruddha Roy").</summary>
    private static string? FirstLast(string? name)
    {
        if (name?.Split(',') is not [var last, var first] || last.Trim().Split(' ').Length > 3 || first.Trim().Split(' ').Length > 3 || first.Trim().Length == 0)
        {
            return name;
        }

        return first.Trim() + " " + last.Trim();
    }

    /// <summary>The value of a <c>twitter:labelN</c>/<c>twitter:dataN</c> pair whose label is one of <paramref name="labels"/>.</summary>
    private static string? Labelled(HtmlDocument doc, params ReadOnlySpan<string> labels)
    {
        for (var i = 1; i <= 4; i++)
        {
            if (doc.Meta.TryGetValue($"twitter:label{i}", out var label) && doc.Meta.TryGetValue($"twitter:data{i}", out var data))
            {
                foreach (var wanted in labels)
                {
                    if (label.Trim().Equals(wanted, StringComparison.OrdinalIgnoreCase))
                    {
                        return data;
                    }
                }
            }
        }

        return null;
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
