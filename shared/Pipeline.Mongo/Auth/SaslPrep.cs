using System.Globalization;
using System.Text;

namespace Pipeline.Mongo.Auth;

/// <summary>
/// SASLprep (RFC 4013, the "SASLprep" profile of stringprep, RFC 3454) for SCRAM-SHA-256 passwords:
/// mapping (B.1 removed, C.1.2 spaces to U+0020), NFKC, the prohibited tables (C.1.2-C.9) and the bidi rule.
/// Unassigned code points (table A.1) are allowed, as for a "query" string; the bidi classes are approximated
/// by script ranges because .NET exposes no bidi category.
/// </summary>
internal static class SaslPrep
{
    public static string Prepare(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (IsPrintableAscii(value))
        {
            return value;
        }

        var mapped = new StringBuilder(value.Length);
        foreach (var rune in value.EnumerateRunes())
        {
            if (IsMappedToNothing(rune.Value))
            {
                continue;
            }

            if (IsNonAsciiSpace(rune.Value))
            {
                mapped.Append(' ');
            }
            else
            {
                mapped.Append(rune.ToString());
            }
        }

        string normalized;
        try
        {
            normalized = mapped.ToString().Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException ex)
        {
            throw new MongoAuthenticationException("The password is not valid Unicode (SASLprep).", ex);
        }

        var hasRandAl = false;
        var hasL = false;
        foreach (var rune in normalized.EnumerateRunes())
        {
            if (IsProhibited(rune.Value))
            {
                throw new MongoAuthenticationException($"The password contains a character SASLprep prohibits (U+{rune.Value:X4}).");
            }

            hasRandAl |= IsRandAL(rune);
            hasL |= IsL(rune);
        }

        if (hasRandAl)
        {
            var runes = normalized.EnumerateRunes().ToList();
            if (hasL || !IsRandAL(runes[0]) || !IsRandAL(runes[^1]))
            {
                throw new MongoAuthenticationException("The password breaks the SASLprep bidirectional-text rule.");
            }
        }

        return normalized;
    }

    private static bool IsPrintableAscii(string value)
    {
        foreach (var c in value)
        {
            if (c is < (char)0x20 or > (char)0x7E)
            {
                return false;
            }
        }

        return true;
    }

    // RFC 3454 table B.1.
    private static bool IsMappedToNothing(int c) =>
        c is 0x00AD or 0x034F or 0x1806 or (>= 0x180B and <= 0x180D) or (>= 0x200B and <= 0x200D) or 0x2060
            or (>= 0xFE00 and <= 0xFE0F) or 0xFEFF;

    // RFC 3454 table C.1.2.
    private static bool IsNonAsciiSpace(int c) =>
        c is 0x00A0 or 0x1680 or (>= 0x2000 and <= 0x200B) or 0x202F or 0x205F or 0x3000;

    // RFC 3454 tables C.1.2, C.2.1, C.2.2, C.3, C.4, C.5, C.6, C.7, C.8, C.9.
    private static bool IsProhibited(int c) =>
        IsNonAsciiSpace(c)
        || c is < 0x20 or 0x7F
        || c is (>= 0x80 and <= 0x9F) or 0x06DD or 0x070F or 0x180E or 0x200C or 0x200D or 0x2028 or 0x2029
            or (>= 0x2060 and <= 0x2063) or (>= 0x206A and <= 0x206F) or 0xFEFF or (>= 0xFFF9 and <= 0xFFFC)
            or (>= 0x1D173 and <= 0x1D17A)
        || c is (>= 0xE000 and <= 0xF8FF) or (>= 0xF0000 and <= 0xFFFFD) or (>= 0x100000 and <= 0x10FFFD)
        || c is (>= 0xFDD0 and <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE
        || c is (>= 0xD800 and <= 0xDFFF)
        || c is (>= 0xFFF9 and <= 0xFFFD)
        || c is (>= 0x2FF0 and <= 0x2FFB)
        || c is 0x0340 or 0x0341 or 0x200E or 0x200F or (>= 0x202A and <= 0x202E)
        || c is 0xE0001 or (>= 0xE0020 and <= 0xE007F);

    // Right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, NKo, and their presentation forms), plus RLM.
    private static bool IsRandAL(Rune r) =>
        r.Value is 0x200F
        || (IsLetterOrMark(r) && r.Value is (>= 0x0590 and <= 0x08FF) or (>= 0xFB1D and <= 0xFDFF) or (>= 0xFE70 and <= 0xFEFF)
            or (>= 0x10800 and <= 0x10FFF) or (>= 0x1E800 and <= 0x1EFFF));

    private static bool IsL(Rune r) =>
        !IsRandAL(r) && Rune.GetUnicodeCategory(r) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
            or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.LetterNumber;

    private static bool IsLetterOrMark(Rune r) =>
        Rune.IsLetter(r) || Rune.GetUnicodeCategory(r) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}
