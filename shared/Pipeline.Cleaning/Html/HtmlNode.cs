namespace Pipeline.Cleaning.Html;

/// <summary>A lean DOM node: an element (with only the attributes extraction looks at) or a run of text.</summary>
internal sealed class HtmlNode(string? tag, HtmlNode? parent)
{
    /// <summary>Lower-case tag name; null for a text node.</summary>
    public string? Tag { get; } = tag;

    public HtmlNode? Parent { get; } = parent;

    public List<HtmlNode>? Children { get; private set; }

    /// <summary>Decoded text of a text node.</summary>
    public string? Text { get; init; }

    public string? Id { get; set; }

    public string? Class { get; set; }

    public string? Role { get; set; }

    public string? ItemProp { get; set; }

    public string? ItemType { get; set; }

    /// <summary>A link marked <c>rel="author"</c>.</summary>
    public bool AuthorLink { get; init; }

    /// <summary>hidden, aria-hidden=true, or display:none inline.</summary>
    public bool Hidden { get; set; }

    /// <summary>A hidden segment of a streamed page that its script moves into place (see <see cref="TagAttributes"/>).</summary>
    public bool StreamedSegment { get; init; }

    /// <summary>Set by pruning: the node and its subtree are not content.</summary>
    public bool Removed { get; set; }

    // Filled in by the scorer, bottom-up.
    public int TextChars { get; set; }

    public int LinkChars { get; set; }

    public int Paragraphs { get; set; }

    public double Score { get; set; }

    /// <summary>The node is or contains an article, main, role=main or h1 element.</summary>
    public bool HoldsContentMarker { get; set; }

    public bool IsText => Tag is null;

    public void Add(HtmlNode child) => (Children ??= []).Add(child);

    /// <summary>Pushes the child elements (not text) onto <paramref name="stack"/> so that they pop in document order.</summary>
    public void PushChildElements(Stack<HtmlNode> stack)
    {
        if (Children is not { } kids)
        {
            return;
        }

        for (var i = kids.Count - 1; i >= 0; i--)
        {
            if (!kids[i].IsText)
            {
                stack.Push(kids[i]);
            }
        }
    }
}
