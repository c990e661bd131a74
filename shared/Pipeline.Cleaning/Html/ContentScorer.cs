namespace Pipeline.Cleaning.Html;

/// <summary>
/// Scores every element by how much readable prose it holds against how much boilerplate-looking text (links, short
/// labels) it drags along, so the best element is the smallest one that still holds the article.
/// </summary>
internal static class ContentScorer
{
    /// <summary>How much a character of link or label text counts against an element, relative to a character of prose.</summary>
    private const double Penalty = 1.0;

    public static void Measure(HtmlNode node, bool inLink)
    {
        if (node.IsText)
        {
            var n = CountChars(node.Text!);
            node.TextChars = n;
            node.LinkChars = inLink ? n : 0;
            return;
        }

        int text = 0, link = 0;
        var marker = node.Tag is "article" or "main" or "h1" || node.Role == "main" || node.ItemProp == "articleBody";
        if (node.Children is { } kids)
        {
            var isLink = inLink || node.Tag == "a";
            foreach (var child in kids)
            {
                if (child.Removed)
                {
                    continue;
                }

                Measure(child, isLink);
                text += child.TextChars;
                link += child.LinkChars;
                marker |= child.HoldsContentMarker;
            }
        }

        node.HoldsContentMarker = marker;

        node.TextChars = text;
        node.LinkChars = link;
    }

    /// <summary>Fills <see cref="HtmlNode.Score"/>; <paramref name="block"/> is the nearest block ancestor, whose link density and length judge the text.</summary>
    public static double Score(HtmlNode node, HtmlNode block, bool inLink, bool lenient = false)
    {
        if (node.IsText)
        {
            var n = node.TextChars;
            if (n == 0)
            {
                return 0;
            }

            var good = lenient ? n * LenientQuality(block) : n * Quality(block) * (inLink ? 0.25 : 1.0);
            return good - Penalty * (n - good);
        }

        var own = BlockTags.IsBlock(node.Tag) ? node : block;
        var isLink = inLink || node.Tag == "a";
        double sum = 0;
        if (node.Children is { } kids)
        {
            foreach (var child in kids)
            {
                if (!child.Removed)
                {
                    sum += Score(child, own, isLink, lenient);
                }
            }
        }

        node.Score = sum;
        return sum;
    }

    /// <summary>Share of a block's text that reads as prose: long blocks with few links count fully; short labels and menus barely.</summary>
    private static double Quality(HtmlNode block)
    {
        var t = block.TextChars;
        if (t == 0)
        {
            return 0;
        }

        var density = (double)block.LinkChars / t;
        var length = t >= 150 ? 1.0 : t >= 80 ? 0.9 : t >= 40 ? 0.75 : t >= 15 ? 0.55 : 0.4;
        var links = 1 - density;
        return length * links * links;
    }

    /// <summary>For pages whose content is a list of linked items (listings, shop collections), links are content too.</summary>
    private static double LenientQuality(HtmlNode block)
    {
        var t = block.TextChars;
        return t >= 80 ? 1.0 : t >= 40 ? 0.8 : t >= 15 ? 0.6 : 0.45;
    }

    private static int CountChars(string s)
    {
        var n = 0;
        foreach (var c in s)
        {
            n += char.IsWhiteSpace(c) ? 0 : 1;
        }

        return n;
    }
}
