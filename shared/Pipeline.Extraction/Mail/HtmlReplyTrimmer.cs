using System.Text;
using AngleSharp.Html.Parser;
using Pipeline.Cleaning;

namespace Pipeline.Extraction.Mail;

/// <summary>
/// Removes quoted replies (cite blockquotes, Gmail/Outlook/Thunderbird quote containers with their attribution) and
/// signature blocks from an HTML body before it goes to the HTML cleaner. Each removed block's offset is where it
/// stood in the body's text (its words, spaces collapsed), which is returned too so the offsets can be carried over
/// to the cleaned text.
/// </summary>
internal static class HtmlReplyTrimmer
{
    private const string QuoteSelector = "blockquote[type=cite], .gmail_quote, .gmail_extra, .moz-cite-prefix, .yahoo_quoted, #appendonsend, [id^=divRplyFwdMsg]";
    private const string SignatureSelector = ".gmail_signature, .moz-signature, [data-smartmail=gmail_signature], #Signature, .signature";

    public static (string Html, string Text) Trim(string html, List<RemovedBlock> removed)
    {
        var document = new HtmlParser().ParseDocument(html);
        var first = removed.Count;
        var places = new List<AngleSharp.Dom.IComment>();
        foreach (var element in document.QuerySelectorAll(SignatureSelector).ToList())
        {
            Remove(element, MailKinds.Signature, removed, places);
        }

        foreach (var element in document.QuerySelectorAll(QuoteSelector).ToList())
        {
            if (element.IsConnected())
            {
                // Outlook puts the quoted message after its header block: everything that follows goes with it.
                var following = element.Id?.StartsWith("divRplyFwdMsg", StringComparison.Ordinal) == true || element.Id == "appendonsend";
                var siblings = following ? Following(element) : [];
                Remove(element, MailKinds.QuotedReply, removed, places);
                foreach (var sibling in siblings)
                {
                    Remove(sibling, MailKinds.QuotedReply, removed, places);
                }
            }
        }

        var text = Place(document, removed, first, places);
        return (document.DocumentElement.OuterHtml, text);
    }

    /// <summary>Walks the trimmed body's text in order, giving each removed block the length of text before its place; the places go.</summary>
    private static string Place(AngleSharp.Dom.IDocument document, List<RemovedBlock> removed, int first, List<AngleSharp.Dom.IComment> places)
    {
        var text = new StringBuilder();
        var at = new Dictionary<AngleSharp.Dom.INode, int>();
        var stack = new Stack<AngleSharp.Dom.INode>();
        stack.Push(document.Body ?? (AngleSharp.Dom.INode)document.DocumentElement);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is AngleSharp.Dom.IComment comment && places.Contains(comment))
            {
                at[comment] = text.Length;
            }
            else if (node is AngleSharp.Dom.IText t)
            {
                foreach (var word in t.Data.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
                {
                    text.Append(text.Length > 0 ? " " : string.Empty).Append(word);
                }
            }

            for (var child = node.LastChild; child is not null; child = child.PreviousSibling)
            {
                stack.Push(child);
            }
        }

        for (var i = 0; i < places.Count; i++)
        {
            removed[first + i] = removed[first + i] with { Offset = at.GetValueOrDefault(places[i], text.Length) };
            places[i].Parent?.RemoveChild(places[i]);
        }

        return text.ToString();
    }

    private static List<AngleSharp.Dom.INode> Following(AngleSharp.Dom.IElement element)
    {
        var nodes = new List<AngleSharp.Dom.INode>();
        for (var node = element.NextSibling; node is not null; node = node.NextSibling)
        {
            nodes.Add(node);
        }

        return nodes;
    }

    private static void Remove(AngleSharp.Dom.INode node, string kind, List<RemovedBlock> removed, List<AngleSharp.Dom.IComment> places)
    {
        var text = string.Join(' ', (node.TextContent ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (text.Length > 0 && node.Parent is { } parent && node.Owner is { } owner)
        {
            // A comment holds the block's place until the text before it is measured.
            var place = owner.CreateComment(string.Empty);
            parent.InsertBefore(place, node);
            places.Add(place);
            removed.Add(new RemovedBlock(kind, text));
        }

        node.Parent?.RemoveChild(node);
    }

    private static bool IsConnected(this AngleSharp.Dom.INode node) => node.Owner?.DocumentElement?.Contains(node) == true;
}
