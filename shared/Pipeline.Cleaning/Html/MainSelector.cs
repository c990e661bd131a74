namespace Pipeline.Cleaning.Html;

/// <summary>Picks the element whose score, nudged by semantic hints, is highest.</summary>
internal static class MainSelector
{
    public static HtmlNode Select(HtmlNode root)
    {
        var best = root;
        var bestScore = root.Score;
        foreach (var child in ContentElements(root))
        {
            var score = child.Score * Boost(child);
            if (score > bestScore)
            {
                best = child;
                bestScore = score;
            }
        }

        return best;
    }

    /// <summary>
    /// Within the chosen element, an element marked as the article (article tag, articleBody, "entry-content") that
    /// carries most of the score is the article itself; the rest is the teaser grid or promo box beside it.
    /// </summary>
    public static HtmlNode Narrow(HtmlNode main, double share)
    {
        var best = main;
        var bestScore = 0.0;
        foreach (var child in ContentElements(main))
        {
            if (Boost(child) > 1 && child.Score > bestScore && child.Score >= main.Score * share)
            {
                best = child;
                bestScore = child.Score;
            }
        }

        return best;
    }

    /// <summary>
    /// A post of a thread (one of several siblings built alike, none with a heading of its own) stands for the thread:
    /// the replies are content too. Sibling stories, each under its own heading, are other articles and stay out.
    /// </summary>
    public static HtmlNode Widen(HtmlNode main)
    {
        // The chosen element may be the post's body, a few levels inside the repeated post element.
        var post = main;
        for (var depth = 0; depth <= MaxPostDepth && post.Parent is { Parent: not null } parent; depth++, post = parent)
        {
            if (post.TextChars > main.TextChars * MaxPostShare)
            {
                break;
            }

            switch (AlikeSiblings(post))
            {
                case null:
                    return main;
                case >= MinThreadPosts:
                    return parent;
            }
        }

        return main;
    }

    /// <summary>
    /// A landing page is built of sections side by side (hero, features, testimonials), each a small block: the best
    /// one holds under half of what an ancestor holds. When that ancestor (up to three levels up, through wrappers of
    /// the block alone) has three or more sections left after pruning, is mostly plain text (links under 40 %), and is
    /// the page's marked main element or less than 80 % of the page, the sections are taken together.
    /// </summary>
    public static HtmlNode JoinSections(HtmlNode main, HtmlNode root)
    {
        var joined = main;
        var parent = main.Parent;
        for (var up = 0; up < MaxJoinLevels && parent is { Parent: not null }; up++, parent = parent.Parent)
        {
            var marked = parent.Tag == "main" || parent.Role == "main";
            if (parent.LinkChars >= parent.TextChars * MaxJoinedLinkShare || !(marked || parent.TextChars < root.TextChars * MaxJoinedPageShare))
            {
                break;
            }

            var sections = 0;
            foreach (var child in parent.Children!)
            {
                sections += !child.IsText && !child.Removed && child.TextChars > MinSectionChars ? 1 : 0;
            }

            // A wrapper around the block alone (a grid, a container) is passed through on the way up.
            if (sections >= MinSections && main.TextChars < parent.TextChars * MaxSectionShare)
            {
                joined = parent;
            }
        }

        return joined;
    }

    /// <summary>How many siblings of <paramref name="post"/> (itself included) are built like it; null when they are headed stories.</summary>
    private static int? AlikeSiblings(HtmlNode post)
    {
        var signature = Signature(post);
        if (signature.EndsWith('.'))
        {
            // Bare elements (a classless div) repeat in any layout; a thread's posts share a template's class.
            return 0;
        }

        var alike = 0;
        foreach (var sibling in post.Parent!.Children!)
        {
            if (sibling.IsText || sibling.Removed || sibling.TextChars == 0 || !Signature(sibling).Equals(signature, StringComparison.Ordinal))
            {
                continue;
            }

            if (HasHeading(sibling))
            {
                return null;
            }

            alike++;
        }

        return alike;
    }

    /// <summary>Levels between a post's body and the repeated post element.</summary>
    private const int MaxPostDepth = 6;

    /// <summary>Sections are joined at most this many levels above the chosen block.</summary>
    private const int MaxJoinLevels = 3;

    /// <summary>A child element with more text than this (letters) counts as a section of the page.</summary>
    private const int MinSectionChars = 40;

    /// <summary>Sections are joined only when there are at least this many.</summary>
    private const int MinSections = 3;

    /// <summary>The chosen block is one section among others when it holds less than this share of its parent's text.</summary>
    private const double MaxSectionShare = 0.5;

    /// <summary>Sections are joined only when links carry less than this share of their text.</summary>
    private const double MaxJoinedLinkShare = 0.4;

    /// <summary>An unmarked parent is joined only when it holds less than this share of the page (else it is the whole page).</summary>
    private const double MaxJoinedPageShare = 0.8;

    /// <summary>A post element holds its body and a little more (name, date, signature): not several times its text.</summary>
    private const double MaxPostShare = 3;

    /// <summary>Posts a run of alike siblings needs to be read as a thread.</summary>
    private const int MinThreadPosts = 3;

    /// <summary>Tag and first class name: what repeated items of one template share.</summary>
    internal static string Signature(HtmlNode n)
    {
        var cls = n.Class.AsSpan().Trim();
        var space = cls.IndexOfAny(' ', '\t');
        return string.Concat(n.Tag, ".", space < 0 ? cls : cls[..space]);
    }

    private static bool HasHeading(HtmlNode node)
    {
        if (node.Children is not { } kids)
        {
            return false;
        }

        foreach (var child in kids)
        {
            if (!child.IsText && !child.Removed && (child.Tag is "h1" or "h2" || HasHeading(child)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The elements below <paramref name="root"/> that hold kept text, depth first (the order ties are broken in).</summary>
    private static IEnumerable<HtmlNode> ContentElements(HtmlNode root)
    {
        var stack = new Stack<HtmlNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node.Children is not { } kids)
            {
                continue;
            }

            foreach (var child in kids)
            {
                if (child.IsText || child.Removed || child.TextChars == 0)
                {
                    continue;
                }

                yield return child;
                stack.Push(child);
            }
        }
    }

    /// <summary>Authors mark their main content; a modest boost lets the marked element win near-ties with its wrapper.</summary>
    private static double Boost(HtmlNode n)
    {
        if (n.Tag is "article" or "main" || n.Role == "main" || n.ItemProp is "articleBody" or "text" or "reviewBody")
        {
            return 1.15;
        }

        return ClassHints.IsPositive(n.Class, n.Id) ? 1.05 : 1.0;
    }
}
