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

    [GeneratedRegex(@"^\s*(written|posted|published|authored|reviewed|edited|article|story|words|text|reporting|recipe|started|geschrieben|verfasst|escrito|scritto|écrit|rédigé)\s+(by|von|por|da|par)\s*[:\-]?\s*|^\s*(by|von|par|por|door|av|di|da|de|przez|autor|autore|auteur|author|authors|autorin|autores|auteurs)\s*[:\-]\s*|^\s*(by|von|par|por|door|av|przez)\s+|^\s*(author|authors|autor|autore|auteur)\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BylinePrefix();

    /// <summary>
    /// A class naming the author or byline, also inside BEM and camel-case names ("post-hero__author__name",
    /// "text__author", "authorName", "postAuthor"); not "authority".
    /// </summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9])([Aa]uthor(s|ed|ship|name|Name)?|AUTHOR|[Uu]ser-?[Nn]ame|[Uu]ser_name|bigusername|[Pp]ost[Uu]ser-name|author_information|[Tt]opic-?[Aa]uthor|[Bb]y-?lines?|[Ww]riter|[Ww]ritten-by|[Pp]osted-by)(?![a-z0-9])|[a-z](Author|Bylines?|Writer)(?![a-z0-9])")]
    private static partial Regex BylineClass();

    /// <summary>Author boxes, bios, avatars and cards: they name people, but are not the byline.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9])(bio|avatar|image|img|photo|picture|social|box|about|description|desc|details-wrap|list|posts|more|archive|comments?|follow|card|cards|tooltip|popup)(?![a-z0-9])|[a-z](Bio|Avatar|Image|Img|Photo|Picture|Social|Box|About|Description|Desc|List|Posts|More|Archive|Comments?|Follow|Card|Cards|Tooltip|Popup)(?![a-z0-9])")]
    private static partial Regex NotBylineClass();

    [GeneratedRegex(@"^(admin|administrator|author|authors|by|guest|undefined|null|none|unknown|anonymous|editor|user|webmaster|n/?a|\W*)$|https?:|www\.|\b(admin|bio|comments?|share|min read|minutes?|updated|published|posted|views?|reply|follow|subscribe|read more|written by|sign in|sign up|log in|get in touch|contact|verified|offline|online|buyer|dealer|billed|annually|monthly)\b|\b\d{3,}\b|\d{4,}\b|^\d|\s(from|by)$|\w\.\w+\.\w|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d|\d\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|^(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(day|nesday|rsday|urday|sday)?\.?,?(\s+\d|\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotAName();

    /// <summary>
    /// The byline near the first h1: listings, testimonials and related-post cards name people far from the heading.
    /// On a page without an h1 the first candidates in the top of the page count. In order of trust: an
    /// <c>itemprop="author"</c>, a <c>rel="author"</c> link, an element classed as the author or byline, a line of
    /// text that starts "By", "Written by", "Author:" (or a label of that kind followed by the name).
    /// </summary>
    public static string? Find(HtmlNode root, string? pageTitle = null)
    {
        string? byItemProp = null, byRel = null, byClass = null, byText = null;
        var seen = 0;
        var heading = -1;
        var titles = (Page: pageTitle is null ? null : Spaced(pageTitle), Heading: (string?)null);
        int byRelAt = 0, byClassAt = 0, byTextAt = 0;
        var stack = new Stack<HtmlNode>();
        stack.Push(root);
        var listing = false;
        while (stack.Count > 0 && seen++ < MaxElements && byItemProp is null && !listing)
        {
            var n = stack.Pop();
            if (n.IsText || n.Hidden || n.Tag is "nav" or "footer" or "aside")
            {
                continue;
            }

            if (n.Tag == "h1" && heading < 0)
            {
                heading = seen;
                titles.Heading = Spaced(Flatten(n, MaxBylineChars * 2));
                if (seen - BeforeHeading > 0)
                {
                    // Candidates well above the heading belong to the header or another block.
                    byRel = byRelAt < seen - BeforeHeading ? null : byRel;
                    byClass = byClassAt < seen - BeforeHeading ? null : byClass;
                    byText = byTextAt < seen - BeforeHeading ? null : byText;
                }
            }

            if (n.ItemProp is { } prop && prop.Contains("author", StringComparison.OrdinalIgnoreCase))
            {
                // Marked up as the author: trusted wherever it stands.
                byItemProp = Clean(NameInside(n) ?? Flatten(n, MaxBylineChars * 2));
                listing = byItemProp is not null && InListingCard(n, byItemProp, titles);
                byItemProp = listing ? null : byItemProp;
                if (byItemProp is not null)
                {
                    break;
                }
            }

            var near = heading < 0 ? seen <= AfterHeading * 3 : seen - heading <= AfterHeading;
            if (!near)
            {
                n.PushChildElements(stack);
                continue;
            }

            if (byRel is null && n.AuthorLink)
            {
                byRel = OwnByline(n, Clean(Flatten(n, MaxBylineChars * 2)), titles, ref listing);
                byRelAt = seen;
            }

            if (byClass is null && n.Class is { } cls && IsBylineClass(cls))
            {
                var text = Flatten(n, MaxBylineChars * 2);
                byClass = text.Length <= MaxBylineChars ? OwnByline(n, Clean(text), titles, ref listing) : null;
                byClassAt = seen;
            }

            if (byText is null && OwnByline(n, TextByline(n), titles, ref listing) is { } found)
            {
                byText = found;
                byTextAt = seen;
            }

            n.PushChildElements(stack);
        }

        // The search stops at a byline in a listing's card: no byline after it is the page's.
        return byItemProp ?? byRel ?? byClass ?? byText;
    }

    /// <summary>The elements up from a byline searched for the heading it belongs to.</summary>
    private const int CardLevels = 5;

    /// <summary>A heading is looked for among this many elements of each enclosing element.</summary>
    private const int CardElements = 300;

    /// <summary>
    /// The name, unless its byline belongs to a card of a listing: the nearest heading around it is a linked h2-h4
    /// (another story's headline) rather than the page's h1. An author box whose heading is the name itself, and a
    /// forum post headed by the page's own title ("Re: ..."), count as the page's.
    /// </summary>
    private static string? OwnByline(HtmlNode n, string? name, (string? Page, string? Heading) titles, ref bool listing)
    {
        if (name is null)
        {
            return null;
        }

        if (InListingCard(n, name, titles))
        {
            listing = true;
            return null;
        }

        var node = n;
        for (var level = 0; level < CardLevels && node.Parent is { } parent; level++, node = parent)
        {
            if (NearestHeading(parent) is not { } heading)
            {
                continue;
            }

            if (heading.Tag == "h1")
            {
                return name;
            }

            var linked = HasLink(heading) || heading.Parent?.Tag == "a";
            var text = Spaced(Flatten(heading, MaxBylineChars * 2));
            var story = ReplyPrefix().Replace(text, string.Empty);
            var own = text.Contains(name, StringComparison.OrdinalIgnoreCase)
                || (titles.Heading is { Length: > 0 } h1 && text.Contains(h1, StringComparison.OrdinalIgnoreCase))
                || (titles.Page is { } page && story.Length >= MinTitleChars && page.Contains(story, StringComparison.OrdinalIgnoreCase));
            return linked && !own ? null : name;
        }

        return name;
    }

    /// <summary>A listing shows at least this many cards of the same kind side by side.</summary>
    private const int MinCards = 3;

    /// <summary>A link or heading this long, before the byline in its card, is the card's headline.</summary>
    private const int MinHeadlineChars = 20;

    /// <summary>
    /// Whether the byline sits in one of several sibling cards of the same kind (same tag and class) whose own
    /// headline link comes before it: a listing's item ("<p class=item><a>Story</a> <span class=author>Jane</span>"
    /// three times over), not the page's byline. A forum thread's posts repeat too, but carry no headline link
    /// before their poster's name.
    /// </summary>
    private static bool InListingCard(HtmlNode n, string name, (string? Page, string? Heading) titles)
    {
        var node = n;
        for (var level = 0; level < CardLevels + 2 && node.Parent is { Children: { } siblings } parent; level++, node = parent)
        {
            var same = 0;
            foreach (var sibling in siblings)
            {
                if (!sibling.IsText && sibling.Tag == node.Tag && sibling.Class == node.Class)
                {
                    same++;
                }
            }

            if (same >= MinCards && HeadlineBefore(node, n, name, titles))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A link or an h2-h4 before <paramref name="byline"/> inside <paramref name="card"/> whose text is another story's
    /// headline: not the name, not the page's own title or heading (a forum post's "Re: ..." link).
    /// </summary>
    private static bool HeadlineBefore(HtmlNode card, HtmlNode byline, string name, (string? Page, string? Heading) titles)
    {
        var stack = new Stack<HtmlNode>();
        stack.Push(card);
        var seen = 0;
        while (stack.Count > 0 && seen++ < CardElements)
        {
            var n = stack.Pop();
            if (n == byline)
            {
                // The byline's element may hold the headline too ("<td><a>Title</a> by <span>Name</span></td>").
                var all = Spaced(Flatten(byline, MaxBylineChars * 4));
                var at = all.IndexOf(name, StringComparison.OrdinalIgnoreCase);
                return at > 0 && Links(byline).Any(a => Headline(a, name, titles) is { } headline && all.IndexOf(headline, StringComparison.OrdinalIgnoreCase) is >= 0 and var h && h < at);
            }

            if (n.Tag is "a" or "h2" or "h3" or "h4")
            {
                if (Headline(n, name, titles) is not null)
                {
                    return true;
                }

                continue;
            }

            n.PushChildElements(stack);
        }

        return false;
    }

    /// <summary>A link's or heading's text when it reads as another story's headline.</summary>
    private static string? Headline(HtmlNode link, string name, (string? Page, string? Heading) titles)
    {
        var text = Spaced(Flatten(link, MaxBylineChars * 2));
        var story = ReplyPrefix().Replace(text, string.Empty);
        var own = (titles.Page is { } page && page.Contains(story, StringComparison.OrdinalIgnoreCase))
            || (titles.Heading is { Length: > 0 } h1 && story.Contains(h1, StringComparison.OrdinalIgnoreCase));
        return story.Length >= MinHeadlineChars && !own && !text.Contains(name, StringComparison.OrdinalIgnoreCase) && !name.Contains(text, StringComparison.OrdinalIgnoreCase) ? text : null;
    }

    private static IEnumerable<HtmlNode> Links(HtmlNode n)
    {
        foreach (var kid in n.Children ?? [])
        {
            if (kid.IsText)
            {
                continue;
            }

            if (kid.Tag == "a")
            {
                yield return kid;
                continue;
            }

            foreach (var inner in Links(kid))
            {
                yield return inner;
            }
        }
    }

    /// <summary>A heading this long found in the page's title is the page's own story.</summary>
    private const int MinTitleChars = 8;

    [GeneratedRegex(@"^(re|aw|sv|odp|rif)\s*:\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReplyPrefix();

    private static string Spaced(string s) => string.Join(' ', System.Net.WebUtility.HtmlDecode(s).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The first h1-h4 inside an element, in document order, among its first few hundred elements.</summary>
    private static HtmlNode? NearestHeading(HtmlNode root)
    {
        var stack = new Stack<HtmlNode>();
        stack.Push(root);
        var seen = 0;
        while (stack.Count > 0 && seen++ < CardElements)
        {
            var n = stack.Pop();
            if (n.Tag is "h1" or "h2" or "h3" or "h4")
            {
                return n;
            }

            n.PushChildElements(stack);
        }

        return null;
    }

    private static bool HasLink(HtmlNode n)
    {
        if (n.Children is not { } kids)
        {
            return false;
        }

        foreach (var kid in kids)
        {
            if (!kid.IsText && (kid.Tag == "a" || HasLink(kid)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A class naming the byline or author and not an author box, bio or avatar; an author box's name element
    /// ("author-box__name") is the byline.
    /// </summary>
    private static bool IsBylineClass(string cls)
    {
        if (!BylineClass().IsMatch(cls))
        {
            return false;
        }

        foreach (var token in cls.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (NotBylineClass().IsMatch(token) && !(BylineClass().IsMatch(token) && token.EndsWith("name", StringComparison.OrdinalIgnoreCase)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// "By Jane Doe", "Written by <a>Jane Doe</a>", "Author: Jane Doe" as a text of the element; or the label alone
    /// ("Written by") with the name in the next element. Only a name that reads as a person's counts.
    /// </summary>
    private static string? TextByline(HtmlNode n)
    {
        if (n.Children is not { } kids || n.Tag is "a" or "script" or "style" or "button" or "label" or "option")
        {
            return null;
        }

        for (var i = 0; i < kids.Count; i++)
        {
            if (kids[i] is not { IsText: true, Text: { } text } || text.Length > MaxBylineChars || string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var start = System.Net.WebUtility.HtmlDecode(text).TrimStart() + " ";
            var prefix = BylinePrefix().Match(start);
            if (!prefix.Success || NotWriter().IsMatch(prefix.Value))
            {
                // Only the element's first words can open a byline; a reviewer or an editor is not the writer.
                return null;
            }

            var sb = new StringBuilder(start[prefix.Length..]);
            for (var j = i + 1; j < kids.Count && sb.Length <= MaxBylineChars; j++)
            {
                Append(kids[j], sb, MaxBylineChars);
            }

            var rest = sb.ToString().Trim();
            var line = rest.IndexOf('\n', StringComparison.Ordinal);
            rest = line > 0 ? rest[..line].Trim() : rest;
            if (rest.Length == 0)
            {
                // The label alone: the name is in what follows ("<p>Written by</p><p>Jane Doe</p>").
                rest = FollowingText(n);
            }

            var name = rest.Length > MaxBylineChars ? null : Person(Clean(rest), handle: rest.Length < 40 && !rest.Contains(' ', StringComparison.Ordinal));
            return name is not null && NotAByline.Contains(name) ? null : name;
        }

        return null;
    }

    /// <summary>The text after an element: its next siblings', or its parent's next siblings' (two levels up at most).</summary>
    private static string FollowingText(HtmlNode n)
    {
        for (var (node, level) = (n, 0); node.Parent is { Children: { } siblings } parent && level < 3; (node, level) = (parent, level + 1))
        {
            var sb = new StringBuilder();
            for (var j = siblings.IndexOf(node) + 1; j < siblings.Count && sb.Length <= MaxBylineChars; j++)
            {
                Append(siblings[j], sb, MaxBylineChars);
                if (sb.ToString().Trim().Length > 0)
                {
                    break;
                }
            }

            var text = sb.ToString().Trim();
            if (text.Length > 0)
            {
                return text;
            }
        }

        return string.Empty;
    }

    [GeneratedRegex(@"^\s*(reviewed|edited|fact|medically|photo|photos|image|images|illustration|illustrations)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotWriter();

    /// <summary>What follows "By" in sort and filter controls ("By category", "By date"), not a name.</summary>
    private static readonly HashSet<string> NotAByline = new(["Category", "Date", "Topic", "Type", "Name", "Title", "Price", "Popularity", "Relevance", "Rating", "Newest", "Oldest", "Default", "Region", "Location", "Industry", "Year", "Month", "Subject", "Tag", "Tags", "Keyword", "State", "Country", "City", "Size", "Color", "Colour", "Brand", "Author", "Format", "Status", "Language", "Level", "Audience", "Product", "Service", "Solution", "Role", "Team", "Use"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that follow "by" in running text ("by this", "by value"), not one-word handles.</summary>
    private static readonly HashSet<string> CommonWords = new(["this", "that", "these", "those", "value", "default", "design", "nature", "definition", "far", "now", "then", "way", "hand", "mail", "email", "phone", "post", "car", "bus", "train", "air", "sea", "road", "night", "day", "name", "reference", "contrast", "comparison", "law", "itself", "themselves", "yourself", "myself", "them", "him", "her", "us", "me", "you", "it", "all", "many", "most", "some", "far"], StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> Connectors = new(["and", "und", "et", "y", "e", "&", "of", "van", "von", "der", "den", "de", "da", "di", "du", "del", "della", "la", "le", "bin", "al", "ten", "ter", "zu", "dos", "das", "with"], StringComparer.Ordinal);

    /// <summary>
    /// A name as bylines print one: every word capitalised but for particles ("van der", "de la", "and"); a single
    /// lower-case handle ("ibby") only when <paramref name="handle"/> says the byline is that one word.
    /// "Jane Doe writes about food" and "clicking the button" are not names.
    /// </summary>
    private static string? Person(string? name, bool handle = false)
    {
        if (name is null)
        {
            return null;
        }

        var words = name.Split([' ', ',', '/'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 1)
        {
            return char.IsUpper(words[0][0]) || (handle && name.Length >= 3 && !CommonWords.Contains(name)) ? name : null;
        }

        foreach (var w in words)
        {
            if (!char.IsUpper(w[0]) && !char.IsDigit(w[0]) && !Connectors.Contains(w) && w is not ("&" or "-" or "–"))
            {
                return null;
            }
        }

        return name;
    }

    /// <summary>Whether the page's text shows the name anywhere (scripts and hidden elements aside).</summary>
    public static bool Shown(HtmlNode root, string name)
    {
        var stack = new Stack<HtmlNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            if (n.Hidden)
            {
                continue;
            }

            if (n.IsText)
            {
                var text = n.Text ?? string.Empty;
                if (text.Contains(name, StringComparison.OrdinalIgnoreCase)
                    || (text.Contains('&', StringComparison.Ordinal) && System.Net.WebUtility.HtmlDecode(text).Contains(name, StringComparison.OrdinalIgnoreCase)))
                {
                    return true;
                }

                continue;
            }

            if (n.Children is { } kids)
            {
                foreach (var kid in kids)
                {
                    stack.Push(kid);
                }
            }
        }

        return false;
    }

    /// <summary>
    /// A candidate as a name: markup entities decoded, "By" and "Written by" dropped, dates and counts after a
    /// separator cut off ("May 2 · Jane Doe" gives the part that reads as a name); a list of names kept whole; a name
    /// followed by a long title ("Jane Doe, Senior Director of ...") cut to the name; null when nothing reads as one.
    /// </summary>
    public static string? Clean(string? candidate)
    {
        if (string.IsNullOrWhiteSpace(candidate))
        {
            return null;
        }

        // Twice: some sites encode the entity itself ("&amp;nbsp;").
        var s = System.Net.WebUtility.HtmlDecode(System.Net.WebUtility.HtmlDecode(candidate)).Replace("&nbsp", " ", StringComparison.OrdinalIgnoreCase);
        var segments = s.Replace(" - ", "\n", StringComparison.Ordinal).Split(['|', '•', '·', '—', '–', '»', '\n'], StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < segments.Length && i < MaxSegments; i++)
        {
            if (Segment(segments[i]) is { } name)
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>A byline is read in at most this many parts between separators.</summary>
    private const int MaxSegments = 3;

    /// <summary>A list of this many names at most is kept whole.</summary>
    private const int MaxListChars = 300;

    private static string? Segment(string segment)
    {
        var s = string.Join(' ', segment.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).TrimStart(' ', '~', ':', '-', '&', ',');
        s = BylinePrefix().Replace(s, string.Empty);
        if (DateTail().Match(s) is { Success: true, Index: > 1 } date)
        {
            // "Jane Doe March 3, 2025", "Jane Doe 03/03/2025": the date after the name.
            s = s[..date.Index];
        }

        var on = s.IndexOf(" on ", StringComparison.OrdinalIgnoreCase);
        if (on > 0)
        {
            s = s[..on];
        }

        s = SpaceBeforePunctuation().Replace(s, "$1").Trim(' ', ',', ':', '-', '.', ';');
        if (Name(s) is { } whole)
        {
            return whole;
        }

        // "Ann Lee, Bo Chan, Cy Diaz, Di Ng and Ed Po": each part a short name.
        var parts = ListSeparator().Split(s).Select(p => p.Trim(' ', '.')).Where(p => p.Length > 0).ToList();
        if (parts.Count > 1 && s.Length <= MaxListChars && parts.All(p => p.Split(' ').Length <= 4 && Person(Name(p)) is not null))
        {
            return s;
        }

        // "Jane Doe, Senior Director of Operations at ...": the name before the title.
        return parts.Count > 1 ? Person(Name(parts[0])) : null;
    }

    private static string? Name(string s)
    {
        if (s.Length is < 2 or > 100 || !char.IsLetter(s[0]) || NotAName().IsMatch(s) || s.Any(char.IsControl) || (!s.Contains(' ', StringComparison.Ordinal) && DigitRun().Count(s) >= 3))
        {
            // Control characters are a mis-decoded name; a handle with digits in three places is an account id.
            return null;
        }

        var words = s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return words > MaxWords ? null : s;
    }

    [GeneratedRegex(@"[\s,]+((jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\d{1,2}(st|nd|rd|th)?\.?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\d{4}-\d{2}-\d{2}\b|(?:(mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|wed|thu|fri|sat|sun)\.?,\s).*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateTail();

    /// <summary>Digits in a handle: in three or more places ("mdelatorreq6vkpg2ma0ci") they are a generated account id, not a handle a person chose ("paulb203").</summary>
    [GeneratedRegex(@"\d+")]
    private static partial Regex DigitRun();

    [GeneratedRegex(@"\s+([,;:.)])")]
    private static partial Regex SpaceBeforePunctuation();

    [GeneratedRegex(@"\s*(?:,|;|&|\band\b|\bund\b|\bet\b)\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ListSeparator();

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

        var block = n.Tag is "br" or "p" or "div" or "li" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "section" or "header" or "address" or "dd" or "dt";
        if (block)
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

        // Keep neighbouring elements' words apart ("<span>By</span><a>Jane Doe</a>", "<p>Jane Doe</p><small>May 2</small>").
        if (block)
        {
            sb.Append('\n');
        }
        else if (sb.Length > 0 && !char.IsWhiteSpace(sb[^1]))
        {
            sb.Append(' ');
        }
    }
}
