using System.Globalization;

namespace Pipeline.Tagging.Text;

/// <summary>
/// Splits text into alphanumeric runs and single symbols. Splitting at every symbol (hyphen, slash, apostrophe)
/// is what lets mentions inside "clonidine-induced" or "ME/CFS" be addressed with exact offsets.
/// </summary>
internal static class Tokenizer
{
    public static void Tokenize(ReadOnlySpan<char> text, ref TokenBuffer tokens)
    {
        tokens.Clear();
        var i = 0;
        var spaceBefore = true;
        while (i < text.Length)
        {
            var c = text[i];
            if (IsSkipped(c))
            {
                spaceBefore = true;
                i++;
                continue;
            }

            var start = i;
            if (IsWordChar(c))
            {
                i++;
                while (i < text.Length && IsWordChar(text[i]))
                {
                    i++;
                }

                tokens.Add(new Token(start, i, TokenKind.Word, spaceBefore));
            }
            else
            {
                // Keep a surrogate pair together so a token never splits a code point.
                i += char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
                tokens.Add(new Token(start, i, TokenKind.Symbol, spaceBefore));
            }

            spaceBefore = false;
        }
    }

    public static bool IsSkipped(char c) =>
        c <= ' ' || char.IsWhiteSpace(c) || char.IsControl(c) ||
        (c > 127 && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format);

    public static bool IsWordChar(char c)
    {
        if (c < 128)
        {
            return (uint)(c - 'a') <= 'z' - 'a' || (uint)(c - 'A') <= 'Z' - 'A' || (uint)(c - '0') <= 9;
        }

        if (char.IsLetterOrDigit(c))
        {
            return true;
        }

        var cat = CharUnicodeInfo.GetUnicodeCategory(c);
        return cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
    }
}
