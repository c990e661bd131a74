namespace Pipeline.Cleaning.Html;

/// <summary>Chooses the page title among the first h1, OpenGraph/JSON-LD headline and the title element.</summary>
internal static class TitleChooser
{
    private static readonly string[] Separators = [" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " / "];

    public static string Choose(HtmlMetadata meta, string? h1)
    {
        var title = Clean(meta.Title);
        var headline = Clean(meta.Headline);
        if (!string.IsNullOrEmpty(h1) && h1.Length <= 300)
        {
            // An h1 that the title element or headline repeats is the article's own title, not a logo.
            if ((title is not null && title.Contains(h1, StringComparison.OrdinalIgnoreCase)) ||
                (headline is not null && headline.Contains(h1, StringComparison.OrdinalIgnoreCase)) ||
                (title is null && headline is null))
            {
                return h1;
            }
        }

        if (!string.IsNullOrEmpty(headline))
        {
            return StripSite(headline, meta.SiteName);
        }

        return title is null ? h1 ?? string.Empty : StripSite(title, meta.SiteName);
    }

    private static string? Clean(string? s)
    {
        if (string.IsNullOrWhiteSpace(s))
        {
            return null;
        }

        return string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Drops the "| Site Name" part of a title: the segment naming the site, else all but the longest segment.</summary>
    private static string StripSite(string title, string? site)
    {
        foreach (var sep in Separators)
        {
            var parts = title.Split(sep);
            if (parts.Length < 2)
            {
                continue;
            }

            var longest = parts[0];
            foreach (var p in parts)
            {
                longest = p.Length > longest.Length ? p : longest;
            }

            var last = parts[^1].Trim();
            var first = parts[0].Trim();
            if (site is not null && last.Equals(site, StringComparison.OrdinalIgnoreCase))
            {
                return string.Join(sep, parts[..^1]).Trim();
            }

            if (site is not null && first.Equals(site, StringComparison.OrdinalIgnoreCase))
            {
                return string.Join(sep, parts[1..]).Trim();
            }

            return last.Length < longest.Length / 2 || last.Split(' ').Length <= 4 ? string.Join(sep, parts[..^1]).Trim() : title;
        }

        return title;
    }
}
