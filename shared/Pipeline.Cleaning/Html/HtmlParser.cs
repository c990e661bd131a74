using System.Net;

namespace Pipeline.Cleaning.Html;

/// <summary>
/// A forgiving single-pass HTML tokenizer and tree builder. It implements only the parts of the HTML parsing rules
/// that change the shape of text blocks (implied end tags, void and raw-text elements) and drops what extraction never
/// reads (scripts, styles, head elements), which makes it several times faster than a full DOM parser.
/// </summary>
internal sealed partial class HtmlParser
{
    /// <summary>Deeper nesting is flattened, so malicious or broken pages cannot blow the stack of later tree walks.</summary>
    public const int MaxDepth = 256;

    private readonly string s;
    private readonly HtmlDocument doc = new();
    private readonly List<HtmlNode> stack = new(64);
    private int pos;

    private HtmlParser(string html) => s = html;

    public static HtmlDocument Parse(string html)
    {
        var parser = new HtmlParser(html);
        parser.Run();
        return parser.doc;
    }

    private HtmlNode Current => stack.Count == 0 ? doc.Root : stack[^1];

    private void Run()
    {
        while (pos < s.Length)
        {
            var lt = s.IndexOf('<', pos);
            if (lt < 0)
            {
                AddText(pos, s.Length);
                return;
            }

            if (lt > pos)
            {
                AddText(pos, lt);
            }

            pos = lt;
            if (!TryTag())
            {
                AddText(lt, lt + 1);
                pos = lt + 1;
            }
        }
    }

    private bool TryTag()
    {
        if (pos + 1 >= s.Length)
        {
            return false;
        }

        var c = s[pos + 1];
        if (c == '!' || c == '?')
        {
            var isComment = string.CompareOrdinal(s, pos, "<!--", 0, 4) == 0;
            var end = isComment ? s.IndexOf("-->", pos + 4, StringComparison.Ordinal) : s.IndexOf('>', pos);
            pos = end < 0 ? s.Length : end + (isComment ? 3 : 1);
            return true;
        }

        if (c == '/')
        {
            if (pos + 2 >= s.Length || !char.IsAsciiLetter(s[pos + 2]))
            {
                var close = s.IndexOf('>', pos);
                pos = close < 0 ? s.Length : close + 1;
                return true;
            }

            var name = ReadName(pos + 2, out var after);
            var gt = s.IndexOf('>', after);
            pos = gt < 0 ? s.Length : gt + 1;
            HandleEnd(name);
            return true;
        }

        if (!char.IsAsciiLetter(c))
        {
            return false;
        }

        var tag = ReadName(pos + 1, out var i);
        var attrs = new TagAttributes();
        var selfClosing = ReadAttributes(ref i, ref attrs);
        pos = i;
        HandleStart(tag, ref attrs, selfClosing);
        return true;
    }

    private string ReadName(int start, out int end)
    {
        end = start;
        while (end < s.Length && (char.IsAsciiLetterOrDigit(s[end]) || s[end] is '-' or ':' or '_'))
        {
            end++;
        }

        return TagNames.Get(s.AsSpan(start, end - start));
    }

    /// <summary>Reads attributes up to and past the closing '&gt;'; returns whether the tag ended with "/&gt;".</summary>
    private bool ReadAttributes(ref int i, ref TagAttributes attrs)
    {
        var selfClosing = false;
        while (i < s.Length)
        {
            var c = s[i];
            if (c == '>')
            {
                i++;
                return selfClosing;
            }

            if (char.IsWhiteSpace(c) || c == '/')
            {
                selfClosing = c == '/';
                i++;
                continue;
            }

            selfClosing = false;
            var nameStart = i;
            while (i < s.Length && !char.IsWhiteSpace(s[i]) && s[i] is not '=' and not '>' and not '/')
            {
                i++;
            }

            var name = s.AsSpan(nameStart, i - nameStart);
            while (i < s.Length && char.IsWhiteSpace(s[i]))
            {
                i++;
            }

            ReadOnlySpan<char> value = default;
            if (i < s.Length && s[i] == '=')
            {
                i++;
                while (i < s.Length && char.IsWhiteSpace(s[i]))
                {
                    i++;
                }

                if (i < s.Length && s[i] is '"' or '\'')
                {
                    var quote = s[i];
                    var close = s.IndexOf(quote, i + 1);
                    close = close < 0 ? s.Length : close;
                    value = s.AsSpan(i + 1, close - i - 1);
                    i = Math.Min(s.Length, close + 1);
                }
                else
                {
                    var start = i;
                    while (i < s.Length && !char.IsWhiteSpace(s[i]) && s[i] != '>')
                    {
                        i++;
                    }

                    value = s.AsSpan(start, i - start);
                }
            }

            attrs.Set(name, value);
        }

        return selfClosing;
    }

    private void AddText(int start, int end)
    {
        var span = s.AsSpan(start, end - start);
        if (span.IsWhiteSpace())
        {
            // Whitespace between inline elements still separates words.
            var parent = Current;
            if (parent.Children is { Count: > 0 } kids && kids[^1] is { IsText: true, Text: " " })
            {
                return;
            }

            parent.Add(new HtmlNode(null, parent) { Text = " " });
            return;
        }

        var text = span.Contains('&') ? WebUtility.HtmlDecode(span.ToString()) : span.ToString();
        Current.Add(new HtmlNode(null, Current) { Text = text });
    }

    internal static string Decode(ReadOnlySpan<char> value) => value.Contains('&') ? WebUtility.HtmlDecode(value.ToString()) : value.ToString();
}
