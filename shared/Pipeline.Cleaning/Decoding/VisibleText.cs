using System.Globalization;

namespace Pipeline.Cleaning.Decoding;

/// <summary>Whether text shows anything: zero-width spaces, joiners, byte-order marks and blank fillers do not.</summary>
internal static class VisibleText
{
    public static bool IsBlank(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c is '\u3164' or '\u2800' or '\uFFA0' or '\u115F' or '\u1160' or '\uFFFD')
            {
                continue;
            }

            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is not (UnicodeCategory.Format or UnicodeCategory.Control or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark))
            {
                return false;
            }
        }

        return true;
    }
}
