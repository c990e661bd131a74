using System.Text;
using Pipeline.Cleaning.Text;

namespace Pipeline.Cleaning.Html;

/// <summary>Turns the main element into lines: one per paragraph, heading, list item or table row, in reading order.</summary>
internal sealed class BlockRenderer
{
    private readonly StringBuilder line = new();
    private readonly List<TextUnit> units = [];
    private readonly List<double> linkShares = [];
    private string blockTag = "p";
    private string? lastTag;
    private int lineChars;
    private int lineLinkChars;
    private bool afterBreak;
    private Dictionary<HtmlNode, int>? removedAt;

    /// <summary>
    /// Renders <paramref name="main"/>; <paramref name="removedAt"/>, when given, gets for each removed element met the
    /// index of the first unit after it.
    /// </summary>
    public static (List<TextUnit> Units, List<double> LinkShares) Render(HtmlNode main, Dictionary<HtmlNode, int>? removedAt = null)
    {
        var r = new BlockRenderer { removedAt = removedAt };
        r.Walk(main, inLink: false, inPre: false);
        r.Flush();
        return (r.units, r.linkShares);
    }

    private void Walk(HtmlNode node, bool inLink, bool inPre)
    {
        if (node.IsText)
        {
            AppendText(node.Text!, inLink, inPre);
            return;
        }

        if (node.Removed)
        {
            // Inside a line (an inline share widget), it stood after that line.
            removedAt?.TryAdd(node, units.Count + (lineChars > 0 ? 1 : 0));
            return;
        }

        var tag = node.Tag!;
        if (tag is "br")
        {
            Flush();
            afterBreak = true;
            return;
        }

        if (tag is "hr" or "img")
        {
            Flush();
            return;
        }

        if (tag is "td" or "th")
        {
            if (line.Length > 0 && line[^1] != ' ')
            {
                line.Append(' ');
            }
        }

        var block = BlockTags.IsBlock(tag) && tag is not ("td" or "th");
        var saved = blockTag;
        if (block)
        {
            Flush();
            blockTag = tag;
        }

        if (node.Children is { } kids)
        {
            var link = inLink || tag == "a";
            var pre = inPre || tag == "pre";
            foreach (var child in kids)
            {
                Walk(child, link, pre);
            }
        }

        if (block)
        {
            Flush();
            blockTag = saved;
        }
    }

    private void AppendText(string text, bool inLink, bool inPre)
    {
        foreach (var c in text)
        {
            if (c == '\n' && inPre)
            {
                Flush();
                afterBreak = true;
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                if (line.Length > 0 && line[^1] != ' ')
                {
                    line.Append(' ');
                }

                continue;
            }

            line.Append(c);
            lineChars++;
            lineLinkChars += inLink ? 1 : 0;
        }
    }

    private void Flush()
    {
        var text = line.ToString().Trim();
        line.Clear();
        if (text.Length > 0)
        {
            var isItem = blockTag is "li" or "dd" or "dt" or "tr";
            var blank = !afterBreak && !(isItem && lastTag == blockTag);
            units.Add(new TextUnit(text, blank, isItem, BlockTags.IsHeading(blockTag)));
            linkShares.Add(lineChars == 0 ? 0 : (double)lineLinkChars / lineChars);
            lastTag = blockTag;
        }

        lineChars = 0;
        lineLinkChars = 0;
        afterBreak = false;
    }
}
