using System.Text.RegularExpressions;

namespace Pipeline.Cleaning.Html;

/// <summary>
/// Sections a page opens with a heading such as "Related articles", "Up next", "You may also like" or "Similar items":
/// the cards under it point to other pages. The section is the largest element the heading opens (no text before it)
/// that holds links and stays well under the rest of the page.
/// </summary>
internal static partial class RelatedSections
{
    /// <summary>A related section holds less than this share of the page's kept text: more, and it is the page's own list.</summary>
    private const double MaxShare = 0.4;

    /// <summary>Cards point somewhere: a section needs at least this many links.</summary>
    private const int MinLinks = 2;

    /// <summary>Cards are titled by their links; a section of posts with hardly any link text is a thread or an article part.</summary>
    private const double MinLinkShare = 0.1;

    /// <summary>Headings longer than this (letters) are titles of their own, not a section label.</summary>
    private const int MaxHeadingChars = 60;

    /// <summary>The things a related section lists, as in "related stories", "more videos" or "most read articles".</summary>
    private const string Things = @"(?:articles?|posts?|stories|news|items?|products?|content|reading|reads|links|videos?|topics|guides|listings|homes|properties|recipes|courses|resources|questions|threads|discussions|searches|tags)";

    [GeneratedRegex(@"^(?:(?:(?:related|similar|recommended|suggested|trending|popular)(?: " + Things + @")?|(?:latest|recent|more|other|top) " + Things + @")(?: for you| now| on \S+| this week| right now)?|most (?:popular|read|viewed|shared)(?: " + Things + @")?|more (?:from|like this|to (?:read|explore|watch))\b.*|(?:up|read|watch|coming up) next|next (?:story|article|post|up)|what to read next|keep reading|continue reading|you (?:may|might|could|will|should) (?:also )?(?:like|love|enjoy|be interested in)(?: \w+)?|also (?:read|worth reading|in the news|on \S+)|don.?t miss|(?:customers|people|shoppers) (?:also|who) (?:bought|viewed|purchased|liked).*|frequently bought together|explore (?:related|more|similar)\b.*)[\s:.!?…»›>]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Cue();

    /// <summary>Marks related sections removed; returns whether any was.</summary>
    public static bool Cut(HtmlNode root, string title, List<RemovedBlock> removed, List<HtmlNode> pruned)
    {
        var headings = new List<HtmlNode>();
        FindCues(root, headings);
        var cut = false;
        foreach (var heading in headings)
        {
            if (heading.Removed || Section(heading, root, title) is not { } section)
            {
                continue;
            }

            section.Removed = true;
            removed.Add(new RemovedBlock(BoilerplateKinds.RelatedLinks, BoilerplatePruner.Summary(section)));
            pruned.Add(section);
            cut = true;
        }

        return cut;
    }

    /// <summary>The largest element <paramref name="heading"/> opens, when it reads as a section of links to other pages.</summary>
    private static HtmlNode? Section(HtmlNode heading, HtmlNode root, string title)
    {
        HtmlNode? best = null;
        var limit = root.TextChars * MaxShare;
        for (var n = heading; n.Parent is { } parent && parent != root && FirstText(parent) == FirstText(heading) && parent.TextChars <= limit; n = parent)
        {
            best = parent;
        }

        if (best is null || Links(best) < MinLinks || best.LinkChars < best.TextChars * MinLinkShare || (title.Length > 0 && Holds(best, title)))
        {
            return null;
        }

        return best;
    }

    private static void FindCues(HtmlNode node, List<HtmlNode> found)
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

            if (child.Tag is "h2" or "h3" or "h4" or "h5" or "h6" && child.TextChars is > 0 and <= MaxHeadingChars)
            {
                if (Cue().IsMatch(BoilerplatePruner.Summary(child)))
                {
                    found.Add(child);
                }

                continue;
            }

            FindCues(child, found);
        }
    }

    /// <summary>The first kept text node below <paramref name="node"/>.</summary>
    private static HtmlNode? FirstText(HtmlNode node)
    {
        if (node.IsText)
        {
            return node.TextChars > 0 ? node : null;
        }

        if (node.Removed || node.Children is not { } kids)
        {
            return null;
        }

        foreach (var child in kids)
        {
            if (FirstText(child) is { } t)
            {
                return t;
            }
        }

        return null;
    }

    private static int Links(HtmlNode node)
    {
        if (node.Children is not { } kids)
        {
            return 0;
        }

        var n = 0;
        foreach (var child in kids)
        {
            if (!child.IsText && !child.Removed)
            {
                n += child.Tag == "a" && child.TextChars > 0 ? 1 : Links(child);
            }
        }

        return n;
    }

    /// <summary>Whether a heading with the page title stands in <paramref name="node"/>.</summary>
    private static bool Holds(HtmlNode node, string title)
    {
        if (node.Children is not { } kids)
        {
            return false;
        }

        foreach (var child in kids)
        {
            if (!child.IsText && ((child.Tag is "h1" or "h2" && BoilerplatePruner.Summary(child).Equals(title, StringComparison.OrdinalIgnoreCase)) || Holds(child, title)))
            {
                return true;
            }
        }

        return false;
    }
}
