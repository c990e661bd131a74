namespace Pipeline.Cleaning.Html;

/// <summary>Interns tag names so comparisons are cheap and parsing a page does not allocate a string per tag.</summary>
internal static class TagNames
{
    private static readonly string[] Known =
    [
        "a", "abbr", "address", "article", "aside", "b", "base", "blockquote", "body", "br", "button", "caption", "cite", "code",
        "col", "dd", "del", "details", "dialog", "div", "dl", "dt", "em", "embed", "fieldset", "figcaption", "figure", "font",
        "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "i", "iframe", "img", "input",
        "ins", "label", "li", "link", "main", "mark", "menu", "meta", "nav", "noembed", "noframes", "noscript", "object", "ol",
        "optgroup", "option", "p", "param", "picture", "pre", "q", "s", "script", "section", "select", "small", "source",
        "span", "strong", "style", "sub", "summary", "sup", "svg", "table", "tbody", "td", "template", "textarea", "tfoot", "th",
        "thead", "time", "title", "tr", "track", "u", "ul", "video", "audio", "canvas", "wbr", "xmp", "math", "area", "map",
        "center", "big", "tt", "kbd", "samp", "var", "dfn", "hgroup", "search", "frameset", "frame", "plaintext",
    ];

    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Lookup = Build();

    public static string Get(ReadOnlySpan<char> name)
    {
        if (Lookup.TryGetValue(name, out var known))
        {
            return known;
        }

        return name.ToString().ToLowerInvariant();
    }

    private static Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Build()
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in Known)
        {
            map[name] = name;
        }

        return map.GetAlternateLookup<ReadOnlySpan<char>>();
    }
}
