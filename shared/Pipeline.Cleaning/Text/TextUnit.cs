namespace Pipeline.Cleaning.Text;

/// <summary>One non-empty line of a document, with what the classifier decided about it.</summary>
internal sealed class TextUnit(string text, bool blankBefore, bool isListItem, bool isHeading, int indent = 0)
{
    public string Text { get; } = text;

    /// <summary>The source had an empty line (a paragraph break) before this one.</summary>
    public bool BlankBefore { get; } = blankBefore;

    public bool IsListItem { get; } = isListItem;

    /// <summary>Known to be a heading (Markdown <c>#</c> or an HTML <c>h1</c>-<c>h6</c>).</summary>
    public bool IsHeading { get; } = isHeading;

    /// <summary>Spaces before the text in the source line (text browsers indent lists and centre headings).</summary>
    public int Indent { get; } = indent;

    public int Words { get; } = CountWords(text);

    /// <summary>The boilerplate kind, or null when the line is kept.</summary>
    public string? Kind { get; set; }

    public bool IsTitle { get; set; }

    public bool Kept => Kind is null && !IsTitle;

    /// <summary>Ends like a sentence rather than a heading or label.</summary>
    public bool EndsSentence => Text.Length > 0 && Text[^1] is '.' or '!' or '…' or ':' or ';' or '"' or '”' or ')';

    /// <summary>Word count, capped: every rule compares it with small thresholds, and paragraphs are long.</summary>
    public const int MaxCountedWords = 120;

    private static int CountWords(string s)
    {
        var n = 0;
        var inWord = false;
        foreach (var c in s)
        {
            var w = c < 128 ? char.IsAsciiLetterOrDigit(c) : char.IsLetterOrDigit(c);
            if (w && !inWord && ++n >= MaxCountedWords)
            {
                return n;
            }

            inWord = w;
        }

        return n;
    }
}
