using System.Text.RegularExpressions;

namespace Pipeline.Cleaning.Html;

/// <summary>
/// Chooses the page title among the h1s and the parts of the title element. The title element is split on its
/// separator and the site's own name is dropped from it ("Article | Site"); an h1 that is one of the remaining parts,
/// or is one once its own tagline is cut, wins; then the first h1 the title or headline confirms, unless it is the
/// site name (a blog's h1 is often its name); else the first remaining part of the title.
/// </summary>
internal static partial class TitleChooser
{
    private static readonly string[] Separators = [" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " • "];

    [GeneratedRegex(@"\w+")]
    private static partial Regex Word();

    public static string Choose(HtmlMetadata meta, IReadOnlyList<string> h1s)
    {
        var title = Clean(meta.Title);
        var headline = Clean(meta.Headline);
        var source = title ?? headline;
        var site = Words(meta.SiteName ?? string.Empty);
        var parts = source is null ? [] : Split(source);
        var content = new List<string>(parts.Length);
        foreach (var p in parts)
        {
            if (!IsSite(p, meta.SiteName, site))
            {
                content.Add(p);
            }
        }

        if (parts.Length > 1 && content.Count == parts.Length)
        {
            // No part is recognisably the site's name: by convention it is the last one.
            content.RemoveAt(content.Count - 1);
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in content)
        {
            keys.Add(Key(c));
        }

        foreach (var h1 in h1s)
        {
            if (keys.Contains(Key(h1)))
            {
                return h1;
            }
        }

        foreach (var h1 in h1s)
        {
            var own = Split(h1);
            if (own.Length > 1 && keys.Contains(Key(own[0])))
            {
                return own[0];
            }
        }

        var reference = Words(string.Join(' ', content) + " " + headline);
        foreach (var h1 in h1s)
        {
            if (h1.Length <= 300 && !IsSite(h1, meta.SiteName, site) && Overlap(h1, reference) >= 0.5)
            {
                return h1;
            }
        }

        return content.Count > 0 ? content[0] : h1s.Count > 0 ? h1s[0] : string.Empty;
    }

    private static bool IsSite(string text, string? siteName, HashSet<string> site)
    {
        var key = Key(text);
        return key.Length > 0 && (key == Key(siteName ?? string.Empty) || (site.Count > 0 && Overlap(text, site) >= 0.99));
    }

    private static string[] Split(string text)
    {
        foreach (var sep in Separators)
        {
            if (text.Contains(sep, StringComparison.Ordinal))
            {
                var parts = text.Split(sep, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length > 1)
                {
                    return parts;
                }
            }
        }

        return [text];
    }

    /// <summary>Lower-cased words joined by spaces: how titles are compared, punctuation and case aside.</summary>
    private static string Key(string text)
    {
        var parts = new List<string>();
        foreach (var m in Word().EnumerateMatches(text))
        {
            parts.Add(text.Substring(m.Index, m.Length).ToLowerInvariant());
        }

        return string.Join(' ', parts);
    }

    private static double Overlap(string text, HashSet<string> reference)
    {
        int n = 0, hit = 0;
        foreach (var m in Word().EnumerateMatches(text))
        {
            n++;
            hit += reference.Contains(text.Substring(m.Index, m.Length)) ? 1 : 0;
        }

        return n == 0 ? 0 : (double)hit / n;
    }

    private static HashSet<string> Words(string text)
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var m in Word().EnumerateMatches(text))
        {
            set.Add(text.Substring(m.Index, m.Length));
        }

        return set;
    }

    private static string? Clean(string? s) =>
        string.IsNullOrWhiteSpace(s) ? null : string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
