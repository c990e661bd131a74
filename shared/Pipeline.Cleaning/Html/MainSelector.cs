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
