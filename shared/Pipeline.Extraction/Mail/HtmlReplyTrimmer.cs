using AngleSharp.Html.Parser;
using Pipeline.Cleaning;

namespace Pipeline.Extraction.Mail;

/// <summary>
/// Removes quoted replies (cite blockquotes, Gmail/Outlook/Thunderbird quote containers with their attribution) and
/// signature blocks from an HTML body before it goes to the HTML cleaner.
/// </summary>
internal static class HtmlReplyTrimmer
{
    private const string QuoteSelector = "blockquote[type=cite], .gmail_quote, .gmail_extra, .moz-cite-prefix, .yahoo_quoted, #appendonsend, [id^=divRplyFwdMsg]";
    private const string SignatureSelector = ".gmail_signature, .moz-signature, [data-smartmail=gmail_signature], #Signature, .signature";

    public static string Trim(string html, List<RemovedBlock> removed)
    {
        var document = new HtmlParser().ParseDocument(html);
        foreach (var element in document.QuerySelectorAll(SignatureSelector).ToList())
        {
            Remove(element, MailKinds.Signature, removed);
        }

        foreach (var element in document.QuerySelectorAll(QuoteSelector).ToList())
        {
            if (element.IsConnected())
            {
                // Outlook puts the quoted message after its header block: everything that follows goes with it.
                var following = element.Id?.StartsWith("divRplyFwdMsg", StringComparison.Ordinal) == true || element.Id == "appendonsend";
                var siblings = following ? Following(element) : [];
                Remove(element, MailKinds.QuotedReply, removed);
                foreach (var sibling in siblings)
                {
                    Remove(sibling, MailKinds.QuotedReply, removed);
                }
            }
        }

        return document.DocumentElement.OuterHtml;
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

    private static void Remove(AngleSharp.Dom.INode node, string kind, List<RemovedBlock> removed)
    {
        var text = string.Join(' ', (node.TextContent ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (text.Length > 0)
        {
            removed.Add(new RemovedBlock(kind, text));
        }

        node.Parent?.RemoveChild(node);
    }

    private static bool IsConnected(this AngleSharp.Dom.INode node) => node.Owner?.DocumentElement?.Contains(node) == true;
}
