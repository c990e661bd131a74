namespace Pipeline.Cleaning.Html;

/// <summary>
/// Other whole posts on an article's page: the next story an infinite scroll appends, "also in the news" teasers
/// built as articles of their own. The page's title heading says which article the page is; every other article
/// element that reads as a story (a heading as high as the title's, or a headline link in a smaller element) is
/// another page's content. Sections the article splits into (instructions, reviews) carry lower headings.
/// </summary>
internal static class OtherStories
{
    /// <summary>The article must hold at least this much text (letters) to stand for the page: a teaser's heading is not enough.</summary>
    private const int MinArticleChars = 400;

    /// <summary>Teasers (headline, date, card labels) outweighing twice the page's own prose are the page's list, not furniture.</summary>
    private const int TeaserWeight = 2;

    /// <summary>A post opens with its heading when no more text than this (a category label, a date) stands before it.</summary>
    private const int HeadChars = 200;

    /// <summary>Levels between the title heading and the post element that repeats.</summary>
    private const int MaxPostDepth = 6;

    /// <summary>A headline link has at least this many words.</summary>
    private const int HeadlineWords = 3;

    /// <summary>
    /// Marks the other stories removed; <paramref name="pruned"/> gets their elements, <paramref name="removed"/> a
    /// block each. Returns whether any was removed.
    /// </summary>
    public static bool Cut(HtmlNode root, string title, List<RemovedBlock> removed, List<HtmlNode> pruned)
    {
        var heading = title.Length == 0 ? null : FindHeading(root, title);
        var article = heading?.Parent;
        while (article is not null && article.Tag != "article")
        {
            article = article.Parent;
        }

        if (article is not null && article.TextChars < MinArticleChars)
        {
            article = null;
        }

        var cut = heading is null ? [] : FollowingPosts(heading);
        foreach (var post in cut)
        {
            post.Removed = true;
        }

        var stories = new List<HtmlNode>();
        Collect(root, article, heading, stories);
        var teasers = new List<HtmlNode>();
        foreach (var story in stories)
        {
            if (article is not null && (HasHeading(story, heading!.Tag!) || (story.TextChars < article.TextChars && HasHeadlineLink(story))))
            {
                // Beside the page's own article: the next story, or a smaller teaser of one.
                cut.Add(story);
            }
            else if (HasHeadlineLink(story))
            {
                teasers.Add(story);
            }
        }

        // Teasers are the page's content on a listing; beside more prose of the page's own they are "read next" furniture.
        if (teasers.Count > 0 && TeasersAreFurniture(root, stories, teasers))
        {
            cut.AddRange(teasers);
        }

        foreach (var story in cut)
        {
            story.Removed = true;
            removed.Add(new RemovedBlock(BoilerplateKinds.RelatedLinks, BoilerplatePruner.Summary(story)));
            pruned.Add(story);
        }

        return cut.Count > 0;
    }

    /// <summary>Whether the page's own prose (outside every story) outweighs the teasers' prose, and twice their whole text.</summary>
    private static bool TeasersAreFurniture(HtmlNode root, List<HtmlNode> stories, List<HtmlNode> teasers)
    {
        var outside = BoilerplatePruner.ProseOutsideComments(root, inLink: false);
        foreach (var story in stories)
        {
            outside -= BoilerplatePruner.ProseOutsideComments(story, inLink: false);
        }

        var prose = 0;
        var chars = 0;
        foreach (var teaser in teasers)
        {
            prose += BoilerplatePruner.ProseOutsideComments(teaser, inLink: false);
            chars += teaser.TextChars;
        }

        return outside >= MinArticleChars && prose < outside && chars < TeaserWeight * outside;
    }

    /// <summary>
    /// Posts appended after the one holding the title heading, built alike (same tag and class), each under a heading
    /// as high as the title's and with its own date or byline: an infinite scroll made of plain containers rather than
    /// article elements.
    /// </summary>
    private static List<HtmlNode> FollowingPosts(HtmlNode heading)
    {
        var found = new List<HtmlNode>();
        var post = heading.Parent;
        for (var depth = 0; depth < MaxPostDepth && post?.Parent?.Children is { } siblings; depth++, post = post.Parent)
        {
            var signature = MainSelector.Signature(post);
            if (post.Tag == "article" || signature.EndsWith('.') || post.Removed)
            {
                continue;
            }

            for (var i = siblings.IndexOf(post) + 1; i < siblings.Count; i++)
            {
                var next = siblings[i];
                if (!next.IsText && !next.Removed && next.TextChars > 0 && MainSelector.Signature(next) == signature && OpensWithHeading(next, heading.Tag!) && HasDateline(next))
                {
                    found.Add(next);
                }
            }

            if (found.Count > 0)
            {
                if (BoilerplatePruner.ProseOutsideComments(post, inLink: false) >= MinArticleChars)
                {
                    break;
                }

                // Only the article's header: its body stands beside it, built alike.
                found.Clear();
            }
        }

        return found;
    }

    /// <summary>Whether <paramref name="post"/> starts under a heading as high as <paramref name="level"/>: little text stands before it.</summary>
    private static bool OpensWithHeading(HtmlNode post, string level)
    {
        var before = 0;
        var stack = new Stack<HtmlNode>();
        stack.Push(post);
        while (stack.Count > 0 && before < HeadChars)
        {
            var n = stack.Pop();
            if (n.IsText)
            {
                before += n.TextChars;
                continue;
            }

            if (n.Tag == "h1" || n.Tag == level)
            {
                return true;
            }

            if (n.Children is { } kids)
            {
                for (var i = kids.Count - 1; i >= 0; i--)
                {
                    stack.Push(kids[i]);
                }
            }
        }

        return false;
    }

    /// <summary>A post carries its own date or author (a time element, a byline, an author link); a section of one page does not.</summary>
    private static bool HasDateline(HtmlNode node)
    {
        if (node.Children is not { } kids)
        {
            return false;
        }

        foreach (var child in kids)
        {
            if (!child.IsText && (child.Tag == "time" || child.AuthorLink || child.ItemProp is "author" or "datePublished" or "dateCreated"
                || ClassHints.Negativity(child.Class, child.Id) == BoilerplateKinds.Byline || HasDateline(child)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first h1 or h2 whose text is the page title (pruning may have dropped the header it stands in).</summary>
    private static HtmlNode? FindHeading(HtmlNode root, string title)
    {
        var stack = new Stack<HtmlNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            if (n.Tag is "h1" or "h2")
            {
                if (BoilerplatePruner.Summary(n).Equals(title, StringComparison.OrdinalIgnoreCase))
                {
                    return n;
                }

                continue;
            }

            n.PushChildElements(stack);
        }

        return null;
    }

    /// <summary>The outermost kept article elements outside <paramref name="article"/> and not holding it.</summary>
    private static void Collect(HtmlNode node, HtmlNode? article, HtmlNode? heading, List<HtmlNode> stories)
    {
        if (node.Children is not { } kids)
        {
            return;
        }

        foreach (var child in kids)
        {
            if (child.IsText || child.Removed || child.TextChars == 0 || child == article)
            {
                continue;
            }

            if (child.Tag == "article" && (article is null || !Holds(child, article)) && (heading is null || !Holds(child, heading)))
            {
                stories.Add(child);
                continue;
            }

            Collect(child, article, heading, stories);
        }
    }

    private static bool Holds(HtmlNode outer, HtmlNode inner)
    {
        for (var n = inner.Parent; n is not null; n = n.Parent)
        {
            if (n == outer)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a heading as high as <paramref name="level"/> (h1, or h1 and h2) stands in <paramref name="node"/>, kept or in its pruned header.</summary>
    private static bool HasHeading(HtmlNode node, string level)
    {
        if (node.Children is not { } kids)
        {
            return false;
        }

        foreach (var child in kids)
        {
            if (!child.IsText && (child.Tag == "h1" || child.Tag == level || HasHeading(child, level)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A link of a few words: the headline of a teaser pointing to its story.</summary>
    private static bool HasHeadlineLink(HtmlNode node)
    {
        if (node.Children is not { } kids)
        {
            return false;
        }

        foreach (var child in kids)
        {
            if (child.IsText || child.Removed)
            {
                continue;
            }

            if (child.Tag == "a" ? Words(BoilerplatePruner.Summary(child)) >= HeadlineWords : HasHeadlineLink(child))
            {
                return true;
            }
        }

        return false;
    }

    private static int Words(string s)
    {
        var n = 0;
        foreach (var _ in s.AsSpan().Split(' '))
        {
            n++;
        }

        return s.Length == 0 ? 0 : n;
    }
}
