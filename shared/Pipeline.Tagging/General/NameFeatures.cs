using Pipeline.Tagging.Model;
using Pipeline.Tagging.Text;

namespace Pipeline.Tagging.General;

/// <summary>
/// Features of the general-domain model, as 64-bit hashes (template id mixed with value), a fixed number per
/// token: the word as written and lower-cased, shapes, affixes, a ±2 window, capitalisation in context
/// (sentence start, headline-like sentences, how the same word is written elsewhere in the document), the
/// gazetteer marks around the token.
/// </summary>
internal static class NameFeatures
{
    public const int PerToken = 42;

    private const ulong Boundary = 0x2E5BF2713A4D91C7UL;

    /// <summary>Per-token flags: the word is written capitalised mid-sentence in the document, lower-case in it, first in its sentence, in a headline-like sentence.</summary>
    public const byte CapitalisedElsewhere = 1;
    public const byte LowerElsewhere = 2;
    public const byte FirstInSentence = 4;
    public const byte InHeadline = 8;

    public static void Extract(AnalyzedText doc, ReadOnlySpan<ushort> marks, ReadOnlySpan<byte> flags, ReadOnlySpan<uint> classes, int start, int end, Span<ulong> output)
    {
        var text = doc.Text.AsSpan();
        var tokens = doc.Tokens;
        var words = doc.Words;
        var shapes = doc.ShortShapes;
        var longShapes = doc.Shapes;
        for (var i = start; i < end; i++)
        {
            var f = output.Slice((i - start) * PerToken, PerToken);
            var token = tokens[i];
            var word = text[token.Start..token.End];
            var wPrev = i > start ? words[i - 1] : Boundary;
            var wPrev2 = i > start + 1 ? words[i - 2] : Boundary;
            var wNext = i + 1 < end ? words[i + 1] : Boundary + 1;
            var wNext2 = i + 2 < end ? words[i + 2] : Boundary + 1;
            var sPrev = i > start ? shapes[i - 1] : Boundary;
            var sPrev2 = i > start + 1 ? shapes[i - 2] : Boundary;
            var sNext = i + 1 < end ? shapes[i + 1] : Boundary + 1;
            var sNext2 = i + 2 < end ? shapes[i + 2] : Boundary + 1;
            var mPrev = i > start ? (ulong)marks[i - 1] : 0x7FFF;
            var mNext = i + 1 < end ? (ulong)marks[i + 1] : 0x7FFF;
            var m = (ulong)marks[i];
            var flag = (ulong)flags[i];
            var attachedNext = i + 1 < end && !tokens[i + 1].SpaceBefore;

            f[0] = 1;
            f[1] = T(1, TextHash.Of(word));
            f[2] = T(2, words[i]);
            f[3] = T(3, longShapes[i]);
            f[4] = T(4, shapes[i]);
            var p = TextHash.Seed;
            for (var k = 0; k < 4; k++)
            {
                if (k < word.Length)
                {
                    p = TextHash.Add(p, TextHash.Normalize(word[k]));
                }

                if (k > 0)
                {
                    f[4 + k] = T(5 + (ulong)k, p);
                }
            }

            var s = TextHash.Seed;
            for (var k = 0; k < 4; k++)
            {
                if (k < word.Length)
                {
                    s = TextHash.Add(s, TextHash.Normalize(word[word.Length - 1 - k]));
                }

                if (k > 0)
                {
                    f[7 + k] = T(10 + (ulong)k, s);
                }
            }

            f[11] = T(20, wPrev);
            f[12] = T(21, wNext);
            f[13] = T(22, wPrev2);
            f[14] = T(23, wNext2);
            f[15] = T(24, TextHash.Mix(wPrev, words[i]));
            f[16] = T(25, TextHash.Mix(words[i], wNext));
            f[17] = T(26, TextHash.Mix(TextHash.Mix(sPrev, shapes[i]), sNext));
            f[18] = T(27, TextHash.Mix(TextHash.Mix(sPrev2, sPrev), shapes[i]));
            f[19] = T(28, TextHash.Mix(TextHash.Mix(shapes[i], sNext), sNext2));
            f[20] = T(29, TextHash.Mix(flag, shapes[i]));
            f[21] = T(30, TextHash.Mix(flag, words[i]));
            f[22] = T(31, m);
            f[23] = T(32, TextHash.Mix(TextHash.Mix(mPrev, m), mNext));
            f[24] = T(33, TextHash.Mix(m, shapes[i]));
            f[25] = T(34, TextHash.Mix(wPrev, shapes[i]));
            f[26] = T(35, TextHash.Mix(wNext, shapes[i]));
            f[27] = T(36, (token.SpaceBefore ? 1UL : 0) | (attachedNext ? 2UL : 0) | ((ulong)token.Kind << 2));
            f[28] = T(37, (ulong)Math.Min(word.Length, 12) + (flag << 8));
            f[29] = T(38, TextHash.Mix(wPrev, wNext));
            f[30] = T(39, TextHash.Mix(i > start ? doc.Suffix3[i - 1] : Boundary, shapes[i]));
            f[31] = T(40, TextHash.Mix(m, wPrev));
            f[32] = T(41, TextHash.Mix(m, flag));
            f[33] = T(42, TextHash.Mix(TextHash.Mix(wPrev2, wPrev), shapes[i]));
            f[34] = T(43, TextHash.Mix(mPrev, shapes[i]));
            f[35] = T(44, TextHash.Mix(mNext, shapes[i]));

            var c = classes[i];
            var cPrev = i > start ? classes[i - 1] : 0xFFFFFFFF;
            var cNext = i + 1 < end ? classes[i + 1] : 0xFFFFFFFE;
            const uint FineMask = 0x1FF;
            const uint CoarseMask = 0x7E00;
            f[36] = T(45, c & FineMask);
            f[37] = T(46, TextHash.Mix(c & CoarseMask, shapes[i]));
            f[38] = T(47, TextHash.Mix((c >> 15) | (flag << 8), shapes[i]));
            f[39] = T(48, cPrev & FineMask);
            f[40] = T(49, cNext & FineMask);
            f[41] = T(50, ((ulong)(cPrev & CoarseMask) << 32) | ((ulong)(c & CoarseMask) << 16) | (cNext & CoarseMask));
        }
    }

    /// <summary>
    /// Fills per-token flags: how each word is written elsewhere in the document (capitalised inside a sentence,
    /// lower case), whether it starts its sentence, whether its sentence looks like a headline (mostly capitalised).
    /// </summary>
    public static void DocumentFlags(AnalyzedText doc, Dictionary<ulong, byte> seen, Span<byte> flags)
    {
        seen.Clear();
        var text = doc.Text;
        var tokens = doc.Tokens;
        var start = 0;
        foreach (var end in doc.SentenceEnds)
        {
            var words = 0;
            var capitalised = 0;
            var first = true;
            for (var i = start; i < end; i++)
            {
                flags[i] = 0;
                if (tokens[i].Kind != TokenKind.Word || !char.IsLetter(text[tokens[i].Start]))
                {
                    continue;
                }

                words++;
                var upper = char.IsUpper(text[tokens[i].Start]);
                capitalised += upper ? 1 : 0;
                if (first)
                {
                    flags[i] = FirstInSentence;
                    first = false;
                    continue;
                }

                ref var b = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(seen, doc.Words[i], out _);
                b |= upper ? CapitalisedElsewhere : LowerElsewhere;
            }

            if (words >= 3 && capitalised * 5 >= words * 4)
            {
                for (var i = start; i < end; i++)
                {
                    flags[i] |= InHeadline;
                }
            }

            start = end;
        }

        for (var i = 0; i < doc.Count; i++)
        {
            if (tokens[i].Kind == TokenKind.Word && seen.TryGetValue(doc.Words[i], out var b))
            {
                flags[i] |= b;
            }
        }
    }

    private static ulong T(ulong template, ulong value) => TextHash.Mix(template * 0xC2B2AE3D27D4EB4FUL, value);
}
