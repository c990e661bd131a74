using System.Text;

namespace Pipeline.Cleaning.Html;

/// <summary>Marks elements that are boilerplate by what they are (nav, footer, forms, hidden) or by what their class, id or role says.</summary>
internal static class BoilerplatePruner
{
    /// <summary>An element holding more than this share of the page's text is a layout wrapper, whatever its class says.</summary>
    private const double WrapperShare = 0.75;

    /// <summary>Plain text this long is an article section, not a widget.</summary>
    private const int LongProse = 800;

    /// <summary>When comment-classed blocks hold this share of the page, the page is a discussion and they are its content.</summary>
    private const double DiscussionShare = 0.7;

    /// <summary>Prose outside comment blocks from this long (about 80 words, letters only) is an article the comments discuss.</summary>
    private const int ArticleChars = 400;

    /// <summary>A run of text this long, outside links, is a sentence or more of prose.</summary>
    private const int ProseRunChars = 60;

    /// <summary>
    /// Marks boilerplate elements as removed; <paramref name="light"/> removes only controls and media (the last-resort
    /// pass). <paramref name="pruned"/>, when given, gets the element of each block added to <paramref name="removed"/>.
    /// </summary>
    public static void Prune(HtmlNode root, List<RemovedBlock> removed, bool light = false, List<HtmlNode>? pruned = null)
    {
        var total = Math.Max(root.TextChars, 1);
        // A thread whose posts are classed as comments is all discussion; comments under an article are not the article.
        var keepComments = CommentChars(root) > total * DiscussionShare && ProseOutsideComments(root, inLink: false) < ArticleChars;
        Walk(root, total, keepComments, light, removed, pruned);
    }

    /// <summary>Runs of plain text outside comment blocks and page furniture: the article a discussion hangs under.</summary>
    internal static int ProseOutsideComments(HtmlNode node, bool inLink)
    {
        if (node.IsText)
        {
            return !inLink && node.TextChars >= ProseRunChars ? node.TextChars : 0;
        }

        if (node.Children is not { } kids || node.Hidden || node.Removed || node.Tag is "nav" or "footer" or "aside" or "header" or "form" or "noscript"
            || (node.Tag is not ("article" or "main") && ClassHints.Negativity(node.Class, node.Id) == BoilerplateKinds.Comments))
        {
            return 0;
        }

        var sum = 0;
        foreach (var child in kids)
        {
            sum += ProseOutsideComments(child, inLink || node.Tag == "a");
        }

        return sum;
    }

    private static int CommentChars(HtmlNode node)
    {
        if (node.Children is not { } kids)
        {
            return 0;
        }

        var sum = 0;
        foreach (var child in kids)
        {
            if (!child.IsText)
            {
                sum += ClassHints.Negativity(child.Class, child.Id) == BoilerplateKinds.Comments ? child.TextChars : CommentChars(child);
            }
        }

        return sum;
    }

    private static void Walk(HtmlNode node, int total, bool keepComments, bool light, List<RemovedBlock> removed, List<HtmlNode>? pruned)
    {
        if (node.Children is not { } kids)
        {
            return;
        }

        foreach (var child in kids)
        {
            if (child.IsText || child.Removed)
            {
                continue;
            }

            var kind = light ? ControlKind(child) : KindOf(child, total);
            if (keepComments && kind == BoilerplateKinds.Comments)
            {
                kind = null;
            }

            if (kind is not null)
            {
                child.Removed = true;
                if (child.TextChars > 0)
                {
                    removed.Add(new RemovedBlock(kind, Summary(child)));
                    pruned?.Add(child);
                }

                continue;
            }

            Walk(child, total, keepComments, light, removed, pruned);
        }
    }

    /// <summary>Form controls, media and captions: never running text, whatever the page.</summary>
    private static string? ControlKind(HtmlNode n) => n.Tag switch
    {
        "button" or "select" or "textarea" or "svg" or "math" or "canvas" or "template" or "dialog" or "audio" or "video" or "object" or "label" or "option" => BoilerplateKinds.OutsideMainContent,
        "figcaption" => BoilerplateKinds.Caption,
        _ => null,
    };

    private static string? KindOf(HtmlNode n, int total)
    {
        if (ControlKind(n) is { } control)
        {
            return control;
        }

        var wrapper = n.TextChars > total * WrapperShare && total > 500;
        if (wrapper)
        {
            return null;
        }

        if (n.Hidden && !(n.StreamedSegment && n.TextChars >= LongProse && n.LinkChars * 100 < n.TextChars * 15))
        {
            // A streamed segment of plain prose is the part of the article the server sent last; hidden menus and copies are not.
            return BoilerplateKinds.OutsideMainContent;
        }

        switch (n.Tag)
        {
            case "noscript":
                // Script-free fallbacks duplicate the page, except on script-rendered sites where they are the only text (the wrapper rule above keeps those).
                return BoilerplateKinds.OutsideMainContent;
            case "nav" or "menu" or "search":
                return BoilerplateKinds.Navigation;
            case "footer":
                return BoilerplateKinds.Copyright;
            case "aside":
                return BoilerplateKinds.OutsideMainContent;
            case "header":
                return BoilerplateKinds.OutsideMainContent;
            case "form" when n.TextChars < 1000:
                return BoilerplateKinds.OutsideMainContent;
        }

        if (n.HoldsContentMarker)
        {
            // A class like "sidebar-first-only" on the column that holds the article describes the layout, not the element.
            return null;
        }

        var byRole = ClassHints.FromRole(n.Role);
        if (byRole is not null)
        {
            return byRole;
        }

        if (n.Tag is "article" or "main" || n.ItemProp is "articleBody" or "text" or "mainEntity")
        {
            return null;
        }

        var kind = ClassHints.Negativity(n.Class, n.Id);
        if (kind is not null and not BoilerplateKinds.Comments && n.TextChars >= LongProse && n.LinkChars * 100 < n.TextChars * 15)
        {
            // Menus, tables of contents and related lists are mostly links; a long run of plain prose is content whatever its class says.
            return null;
        }

        return kind;
    }

    /// <summary>The element's text, flattened and cut short: enough for a person to see what went.</summary>
    public static string Summary(HtmlNode node)
    {
        var sb = new StringBuilder();
        Append(node, sb);
        var s = sb.ToString().Trim();
        return s.Length <= 200 ? s : string.Concat(s.AsSpan(0, 199), "…");
    }

    private static void Append(HtmlNode node, StringBuilder sb)
    {
        if (sb.Length > 220)
        {
            return;
        }

        if (node.IsText)
        {
            foreach (var c in node.Text!)
            {
                var space = char.IsWhiteSpace(c);
                if (!space || (sb.Length > 0 && sb[^1] != ' '))
                {
                    sb.Append(space ? ' ' : c);
                }
            }

            return;
        }

        if (BlockTags.IsBlock(node.Tag) && sb.Length > 0 && sb[^1] != ' ')
        {
            sb.Append(' ');
        }

        if (node.Children is { } kids)
        {
            foreach (var child in kids)
            {
                Append(child, sb);
            }
        }
    }
}
