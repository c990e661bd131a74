namespace Pipeline.Cleaning.Html;

/// <summary>Tree construction: implied end tags, void and raw-text elements, and what the head says.</summary>
internal sealed partial class HtmlParser
{
    private static readonly HashSet<string> ClosesParagraph =
    [
        "p", "div", "ul", "ol", "dl", "table", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "section", "article",
        "header", "footer", "nav", "aside", "form", "figure", "main", "address", "details", "fieldset", "hr", "menu", "li", "dd", "dt",
    ];

    private static readonly HashSet<string> Void = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "frame"];

    private static readonly HashSet<string> Ignored = ["html", "head", "body", "frameset"];

    private void HandleStart(string tag, ref TagAttributes a, bool selfClosing)
    {
        switch (tag)
        {
            case "html":
                doc.Language ??= a.Lang;
                return;
            case "meta":
                AddMeta(ref a);
                return;
            case "link":
                if (a.Rel is not null && a.Rel.Contains("canonical", StringComparison.OrdinalIgnoreCase))
                {
                    doc.Canonical ??= a.Href;
                }

                return;
            case "script" or "style" or "xmp" or "iframe" or "noembed" or "noframes" or "textarea" or "title" or "plaintext":
                RawText(tag, ref a);
                return;
            case "time" when a.DateTime is not null:
                doc.TimeValues.Add(a.DateTime);
                break;
        }

        if (Ignored.Contains(tag))
        {
            return;
        }

        if (stack.Count >= MaxDepth && !Void.Contains(tag))
        {
            return;
        }

        CloseImplied(tag);
        var parent = Current;
        if (Void.Contains(tag))
        {
            if (tag is "br" or "hr" or "img")
            {
                parent.Add(new HtmlNode(tag, parent) { Class = a.Class, Id = a.Id });
            }

            return;
        }

        var node = new HtmlNode(tag, parent)
        {
            Id = a.Id,
            Class = a.Class,
            Role = a.Role,
            ItemProp = a.ItemProp,
            ItemType = a.ItemType,
            Hidden = a.Hidden,
            StreamedSegment = a.IsStreamedSegment(tag),
            AuthorLink = tag == "a" && a.Rel is not null && a.Rel.Contains("author", StringComparison.OrdinalIgnoreCase),
        };
        parent.Add(node);
        // "/>" only closes foreign elements (svg paths, math); on HTML elements browsers ignore it, so those stay open.
        if (!selfClosing || tag is "div" or "span" or "p" or "a" or "section" or "li" or "td")
        {
            stack.Add(node);
        }
    }

    private void HandleEnd(string tag)
    {
        if (Ignored.Contains(tag))
        {
            return;
        }

        if (tag == "br")
        {
            Current.Add(new HtmlNode("br", Current));
            return;
        }

        for (var i = stack.Count - 1; i >= 0; i--)
        {
            if (ReferenceEquals(stack[i].Tag, tag) || stack[i].Tag == tag)
            {
                stack.RemoveRange(i, stack.Count - i);
                return;
            }

            // An end tag never closes past a table cell or table it is not in.
            if (stack[i].Tag is "td" or "th" or "table" && tag is not ("td" or "th" or "tr" or "table" or "tbody" or "thead" or "tfoot"))
            {
                return;
            }
        }
    }

    private void CloseImplied(string tag)
    {
        if (ClosesParagraph.Contains(tag))
        {
            CloseWithin("p", "td", "th", "table", "button", "li");
        }

        switch (tag)
        {
            case "li":
                CloseWithin("li", "ul", "ol", "menu", "table");
                break;
            case "dt" or "dd":
                CloseWithin("dd", "dl", "table", null, null);
                CloseWithin("dt", "dl", "table", null, null);
                break;
            case "tr":
                CloseWithin("tr", "table", "tbody", "thead", "tfoot");
                break;
            case "td" or "th":
                CloseWithin("td", "tr", "table", null, null);
                CloseWithin("th", "tr", "table", null, null);
                break;
            case "tbody" or "thead" or "tfoot":
                CloseWithin("tr", "table", null, null, null);
                CloseWithin("tbody", "table", null, null, null);
                CloseWithin("thead", "table", null, null, null);
                break;
            case "option":
                CloseWithin("option", "select", null, null, null);
                break;
            case "a":
                CloseWithin("a", "td", "th", "table", null);
                break;
        }
    }

    /// <summary>Closes an open <paramref name="tag"/> unless one of the boundary elements is nearer on the stack.</summary>
    private void CloseWithin(string tag, string? b1, string? b2, string? b3, string? b4, string? b5 = null)
    {
        for (var i = stack.Count - 1; i >= 0; i--)
        {
            var t = stack[i].Tag;
            if (t == tag)
            {
                stack.RemoveRange(i, stack.Count - i);
                return;
            }

            if (t == b1 || t == b2 || t == b3 || t == b4 || t == b5)
            {
                return;
            }
        }
    }

    private void RawText(string tag, ref TagAttributes a)
    {
        var end = s.IndexOf("</" + tag, pos, StringComparison.OrdinalIgnoreCase);
        if (end < 0 && tag is not ("script" or "style" or "plaintext"))
        {
            // An iframe or textarea never closed (written "<iframe ... />", which HTML does not honour) would swallow
            // the rest of the page as its text: it is taken as empty and the page goes on after its tag.
            if (tag == "textarea")
            {
                Current.Add(new HtmlNode("textarea", Current));
            }

            return;
        }

        var contentEnd = end < 0 ? s.Length : end;
        if (tag == "title" && doc.Title is null && stack.Count == 0)
        {
            doc.Title = Decode(s.AsSpan(pos, contentEnd - pos)).Trim();
        }
        else if (tag == "script" && a.Type is not null && a.Type.Contains("ld+json", StringComparison.OrdinalIgnoreCase))
        {
            doc.JsonLd.Add(s[pos..contentEnd]);
        }
        else if (tag == "textarea")
        {
            Current.Add(new HtmlNode("textarea", Current));
        }

        if (end < 0)
        {
            pos = s.Length;
            return;
        }

        var gt = s.IndexOf('>', end);
        pos = gt < 0 ? s.Length : gt + 1;
    }

    private void AddMeta(ref TagAttributes a)
    {
        var key = a.Property ?? a.Name ?? a.ItemProp;
        if (key is not null && a.Content is not null)
        {
            doc.Meta.TryAdd(key, a.Content.Trim());
        }
    }
}
