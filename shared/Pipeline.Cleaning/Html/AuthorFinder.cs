using System.Text;
using System.Text.RegularExpressions;

namespace Pipeline.Cleaning.Html;

/// <summary>
/// Finds the byline in the page body when the head names no author: an <c>itemprop="author"</c> element, a
/// <c>rel="author"</c> link, or a short element classed as the author or byline ("By Jane Doe | May 2").
/// </summary>
internal static partial class AuthorFinder
{
    /// <summary>A name is at most this many words ("Dylan Bailey, MS, RD" fits; a sentence does not).</summary>
    private const int MaxWords = 7;

    /// <summary>Bylines are short; a longer element is an author box or a bio.</summary>
    private const int MaxBylineChars = 80;

    /// <summary>The search stops after this many elements: bylines sit near the top of the article.</summary>
    private const int MaxElements = 20_000;

    /// <summary>A byline is within this many elements after the page's first h1 (or shortly before it).</summary>
    private const int AfterHeading = 60;

    private const int BeforeHeading = 20;

    [GeneratedRegex(@"^\s*(written|posted|published|authored|reviewed|edited|article|story|words|text)\s+by\s*[:\-]?\s*|^\s*by\s*[:\-]?\s+|^\s*(author|written by|posted by|von|par|por|di|door|av|autor|autore|auteur)\s*[:\-]?\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BylinePrefix();

    [GeneratedRegex(@"\b(author|byline|writer)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BylineClass();

    [GeneratedRegex(@"\b(bio|avatar|image|img|photo|social|box|about|description|desc|info|details-wrap|list|posts|more|archive|comment|follow)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotBylineClass();

    [GeneratedRegex(@"^(admin|administrator|author|authors|by|guest|undefined|null|none|unknown|anonymous|editor|user|webmaster|n/?a|\W*)$|https?:|www\.|\b(admin|bio|comments?|share|min read|minutes?|updated|published|posted|views?|reply|follow|subscribe|read more|written by|sign in|sign up|log in|get in touch|contact|verified|buyer|dealer|billed|annually|monthly)\b|\d{3,}|^\d|\s(from|by)$|\w\.\w+\.\w", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotAName();

    /// <summary>
    /// The byline near the first h1: listings, testimonials and related-post cards name people far from the heading.
    /// On a page without an h1 the first candidates in the top of the page count.
    /// </summary>
    public static string? Find(HtmlNode root)
    {
        string? byItemProp = null, byRel = null, byClass = null;
        var seen = 0;
        var heading = -1;
        int byRelAt = 0, byClassAt = 0;
        var stack = new Stack<HtmlNode>();
        stack.Push(root);
        while (stack.Count > 0 && seen++ < MaxElements && byItemProp is null)
        {
            var n = stack.Pop();
            if (n.IsText || n.Hidden || n.Tag is "nav" or "footer" or "aside")
            {
                continue;
            }

            if (n.Tag == "h1" && heading < 0)
            {
                heading = seen;
                if (seen - BeforeHeading > 0)
                {
                    // Candidates well above the heading belong to the header or another block.
                    byRel = byRelAt < seen - BeforeHeading ? null : byRel;
                    byClass = byClassAt < seen - BeforeHeading ? null : byClass;
                }
            }

            if (n.ItemProp is { } prop && prop.Contains("author", StringComparison.OrdinalIgnoreCase))
            {
                // Marked up as the author: trusted wherever it stands.
                byItemProp = Clean(NameInside(n) ?? Flatten(n, MaxBylineChars * 2));
                if (byItemProp is not null)
                {
                    break;
                }
            }

            var near = heading < 0 ? seen <= AfterHeading * 3 : seen - heading <= AfterHeading;
            if (!near)
            {
                PushChildren(stack, n);
                continue;
            }

            if (byRel is null && n.AuthorLink)
            {
                byRel = Clean(Flatten(n, MaxBylineChars * 2));
                byRelAt = seen;
            }

            if (byClass is null && n.Class is { } cls && BylineClass().IsMatch(cls) && !NotBylineClass().IsMatch(cls))
            {
                var text = Flatten(n, MaxBylineChars * 2);
                byClass = text.Length <= MaxBylineChars ? Clean(text) : null;
                byClassAt = seen;
            }

            PushChildren(stack, n);
        }

        return byItemProp ?? byRel ?? byClass;
    }

    private static void PushChildren(Stack<HtmlNode> stack, HtmlNode n)
    {
        if (n.Children is { } kids)
        {
            for (var i = kids.Count - 1; i >= 0; i--)
            {
                if (!kids[i].IsText)
                {
                    stack.Push(kids[i]);
                }
            }
        }
    }

    /// <summary>
    /// A candidate as a name: markup entities decoded, "By" and "Written by" dropped, dates and counts after a
    /// separator cut off; null when what is left does not read as a name.
    /// </summary>
    public static string? Clean(string? candidate)
    {
        if (string.IsNullOrWhiteSpace(candidate))
        {
            return null;
        }

        // Twice: some sites encode the entity itself ("&amp;nbsp;").
        var s = System.Net.WebUtility.HtmlDecode(System.Net.WebUtility.HtmlDecode(candidate)).Replace("&nbsp", " ", StringComparison.OrdinalIgnoreCase);
        s = string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).TrimStart(' ', '|', '•', '·', '-', '–', '—', '~', ':');
        s = BylinePrefix().Replace(s, string.Empty);
        var cut = s.IndexOfAny(['|', '•', '·', '—', '–', '\n']);
        if (cut > 0)
        {
            s = s[..cut];
        }

        var on = s.IndexOf(" on ", StringComparison.OrdinalIgnoreCase);
        if (on > 0)
        {
            s = s[..on];
        }

        s = s.Trim(' ', ',', ':', '-', '.', ';');
        if (s.Length is < 2 or > 100 || !char.IsLetter(s[0]) || NotAName().IsMatch(s))
        {
            return null;
        }

        var words = s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return words > MaxWords ? null : s;
    }

    /// <summary>A schema.org Person's <c>itemprop="name"</c> inside the author element.</summary>
    private static string? NameInside(HtmlNode n)
    {
        if (n.Children is not { } kids)
        {
            return null;
        }

        foreach (var child in kids)
        {
            if (child.IsText)
            {
                continue;
            }

            if (child.ItemProp == "name")
            {
                return Flatten(child, MaxBylineChars);
            }

            if (NameInside(child) is { } inner)
            {
                return inner;
            }
        }

        return null;
    }

    private static string Flatten(HtmlNode n, int max)
    {
        var sb = new StringBuilder();
        Append(n, sb, max);
        return sb.ToString().Trim();
    }

    private static void Append(HtmlNode n, StringBuilder sb, int max)
    {
        if (sb.Length > max)
        {
            return;
        }

        if (n.IsText)
        {
            sb.Append(n.Text);
            return;
        }

        if (n.Tag is "script" or "style" or "time" || n.Hidden)
        {
            return;
        }

        if (n.Tag is "br" or "p" or "div" or "li")
        {
            sb.Append('\n');
        }

        if (n.Children is { } kids)
        {
            foreach (var child in kids)
            {
                Append(child, sb, max);
            }
        }
    }
}
