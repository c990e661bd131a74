using System.Text.RegularExpressions;

namespace Pipeline.Cleaning.Html;

/// <summary>
/// Chooses the page title: the first h1 that the title element or headline confirms (a logo or section name in an
/// h1 is not confirmed), else the longest part of the title element once the site name is split off.
/// </summary>
internal static partial class TitleChooser
{
    private static readonly string[] Separators = [" | ", " - ", " – ", " — ", " :: ", " · ", " » "];

    [GeneratedRegex(@"\w+")]
    private static partial Regex Word();

    public static string Choose(HtmlMetadata meta, IReadOnlyList<string> h1s)
    {
        var title = Clean(meta.Title);
        var headline = Clean(meta.Headline);
        var reference = Words(title + " " + headline);
        foreach (var h1 in h1s)
        {
            if (h1.Length <= 300 && (reference.Count == 0 || Overlap(h1, reference) >= 0.5))
            {
                return h1;
            }
        }

        var source = title ?? headline;
        return source is null ? h1s.Count > 0 ? h1s[0] : string.Empty : Longest(source);
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

    /// <summary>"Article name | Site" and "Site - Article name": the longest part is the article's.</summary>
    private static string Longest(string title)
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

            return longest.Trim();
        }

        return title;
    }
}
