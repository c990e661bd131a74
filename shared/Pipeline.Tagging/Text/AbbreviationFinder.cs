namespace Pipeline.Tagging.Text;

/// <summary>
/// Finds "long form (SHORT)" definitions. The short form's characters must appear in order in the long form,
/// its first character at the start of the long form's first word (the Schwartz–Hearst idea).
/// </summary>
internal static class AbbreviationFinder
{
    /// <summary>A definition: short form tokens [ShortStart, ShortEnd), long form tokens [LongStart, LongEnd).</summary>
    internal readonly record struct Definition(int LongStart, int LongEnd, int ShortStart, int ShortEnd);

    public static void Find(string text, ReadOnlySpan<Token> tokens, List<Definition> output)
    {
        output.Clear();
        for (var i = 1; i + 2 < tokens.Length; i++)
        {
            if (text[tokens[i].Start] != '(' || tokens[i].Kind != TokenKind.Symbol)
            {
                continue;
            }

            // The short form: one to three attached tokens before ")", 2-10 characters, starting alphanumeric.
            var close = i + 1;
            while (close < tokens.Length && close - i <= 4 && text[tokens[close].Start] != ')')
            {
                close++;
            }

            if (close >= tokens.Length || close == i + 1 || close - i > 4 || text[tokens[close].Start] != ')')
            {
                continue;
            }

            var shortStart = i + 1;
            var shortText = text.AsSpan(tokens[shortStart].Start, tokens[close - 1].End - tokens[shortStart].Start);
            if (shortText.Length is < 2 or > 10 || !char.IsLetterOrDigit(shortText[0]) || !HasLetter(shortText) || shortText.Contains(' '))
            {
                continue;
            }

            var longStart = FindLongForm(text, tokens, i, shortText);
            if (longStart >= 0)
            {
                output.Add(new Definition(longStart, i, shortStart, close));
            }
        }
    }

    private static int FindLongForm(string text, ReadOnlySpan<Token> tokens, int paren, ReadOnlySpan<char> shortForm)
    {
        var letters = 0;
        foreach (var c in shortForm)
        {
            letters += char.IsLetterOrDigit(c) ? 1 : 0;
        }

        var maxWords = Math.Min(letters + 5, letters * 2);
        var words = 0;
        var first = paren;
        while (first > 0 && words < maxWords)
        {
            var t = tokens[first - 1];
            var c = text[t.Start];
            if (c is '.' or ';' or ':' or '(' or ')' or '[' or ']' || text.AsSpan(t.End, tokens[first].Start - t.End).Contains('\n'))
            {
                break;
            }

            first--;
            if (t.Kind == TokenKind.Word)
            {
                words++;
            }
        }

        if (first == paren)
        {
            return -1;
        }

        // Match short-form characters right to left through the candidate text.
        var longText = text.AsSpan(tokens[first].Start, tokens[paren - 1].End - tokens[first].Start);
        var s = shortForm.Length - 1;
        var l = longText.Length - 1;
        while (s >= 0)
        {
            var c = char.ToLowerInvariant(shortForm[s]);
            if (!char.IsLetterOrDigit(c))
            {
                s--;
                continue;
            }

            while (l >= 0 && (char.ToLowerInvariant(longText[l]) != c || (s == 0 && l > 0 && char.IsLetterOrDigit(longText[l - 1]))))
            {
                l--;
            }

            if (l < 0)
            {
                return -1;
            }

            s--;
            l--;
        }

        // The long form starts at the token holding the match of the first short-form character.
        var matchStart = tokens[first].Start + l + 1;
        for (var k = first; k < paren; k++)
        {
            if (tokens[k].Start <= matchStart && matchStart < tokens[k].End)
            {
                return tokens[k].Start == matchStart ? k : -1;
            }
        }

        return -1;
    }

    private static bool HasLetter(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }
}
