namespace Pipeline.Cleaning.Html;

/// <summary>Which elements start a new block of text, and which are headings or list items.</summary>
internal static class BlockTags
{
    private static readonly HashSet<string> Blocks =
    [
        "#root", "p", "div", "li", "td", "th", "dd", "dt", "pre", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
        "main", "ul", "ol", "dl", "table", "tr", "thead", "tbody", "tfoot", "form", "header", "footer", "nav", "aside", "figure", "figcaption",
        "address", "details", "summary", "center", "fieldset", "hgroup", "caption", "hr", "br", "menu", "search", "legend",
    ];

    public static bool IsBlock(string? tag) => tag is not null && Blocks.Contains(tag);

    public static bool IsHeading(string? tag) => tag is "h1" or "h2" or "h3" or "h4" or "h5" or "h6";
}
