using Pipeline.Tagging.Lexicons;
using Pipeline.Tagging.Text;

namespace Pipeline.Tagging.Model;

/// <summary>
/// Word, shape, affix, context and lexicon features of each token, as 64-bit hashes (template id mixed with
/// value), a fixed number per token so the buffer for a sentence is one flat span.
/// </summary>
internal static class FeatureExtractor
{
    public const int PerToken = 37;

    private const ulong Boundary = 0x1F3D5B79UL;

    public static void Extract(AnalyzedText doc, int start, int end, Span<ulong> output)
    {
        var text = doc.Text.AsSpan();
        var tokens = doc.Tokens;
        var words = doc.Words;
        var shapes = doc.ShortShapes;
        var chem = doc.ChemicalMatches;
        var dis = doc.DiseaseMatches;
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
            var sNext = i + 1 < end ? shapes[i + 1] : Boundary + 1;
            var cPrev = i > start ? (ulong)chem[i - 1] : 9;
            var cNext = i + 1 < end ? (ulong)chem[i + 1] : 9;
            var dPrev = i > start ? (ulong)dis[i - 1] : 9;
            var dNext = i + 1 < end ? (ulong)dis[i + 1] : 9;
            var attachedNext = i + 1 < end && !tokens[i + 1].SpaceBefore;

            f[0] = 1;
            f[1] = T(2, words[i]);
            f[2] = T(3, doc.Shapes[i]);
            f[3] = T(4, shapes[i]);

            var p = TextHash.Seed;
            for (var k = 0; k < 4; k++)
            {
                if (k < word.Length)
                {
                    p = TextHash.Add(p, TextHash.Normalize(word[k]));
                }

                f[4 + k] = T(5 + (ulong)k, p);
            }

            var s = TextHash.Seed;
            for (var k = 0; k < 5; k++)
            {
                if (k < word.Length)
                {
                    s = TextHash.Add(s, TextHash.Normalize(word[word.Length - 1 - k]));
                }

                f[8 + k] = T(10 + (ulong)k, s);
            }

            f[13] = T(20, wPrev);
            f[14] = T(21, wNext);
            f[15] = T(22, wPrev2);
            f[16] = T(23, wNext2);
            f[17] = T(24, TextHash.Mix(wPrev, words[i]));
            f[18] = T(25, TextHash.Mix(words[i], wNext));
            f[19] = T(26, TextHash.Mix(TextHash.Mix(sPrev, shapes[i]), sNext));
            f[20] = T(27, (ulong)chem[i]);
            f[21] = T(28, (ulong)dis[i]);
            f[22] = T(29, (cPrev << 8) | ((ulong)chem[i] << 4) | cNext);
            f[23] = T(30, (dPrev << 8) | ((ulong)dis[i] << 4) | dNext);
            f[24] = T(31, (token.SpaceBefore ? 1UL : 0) | (attachedNext ? 2UL : 0) | ((ulong)token.Kind << 2));
            f[25] = T(32, i > start ? doc.Suffix3[i - 1] : Boundary);
            f[26] = T(33, i + 1 < end ? doc.Suffix3[i + 1] : Boundary);
            f[27] = T(34, (ulong)Math.Min(word.Length, 12));
            f[28] = T(35, TextHash.Mix(wPrev, wNext));
            f[29] = T(36, TextHash.Mix(i == start ? 1UL : 0, shapes[i]));
            f[30] = T(37, doc.Abbreviation[i]);
            f[31] = T(38, ((ulong)chem[i] << 4) | (ulong)dis[i] | (shapes[i] << 8));
            f[32] = T(39, TextHash.Mix(words[i], (cPrev << 8) | (dPrev << 4)));
            f[33] = T(40, TextHash.Mix(wPrev, shapes[i]));
            var seenC = doc.SeenChemical;
            var seenD = doc.SeenDisease;
            f[34] = T(41, ((ulong)seenC[i] << 4) | (ulong)seenD[i]);
            f[35] = T(42, ((i > start ? (ulong)seenC[i - 1] : 9) << 8) | ((ulong)seenC[i] << 4) | (i + 1 < end ? (ulong)seenC[i + 1] : 9));
            f[36] = T(43, ((i > start ? (ulong)seenD[i - 1] : 9) << 8) | ((ulong)seenD[i] << 4) | (i + 1 < end ? (ulong)seenD[i + 1] : 9));
        }
    }

    private static ulong T(ulong template, ulong value) => TextHash.Mix(template * 0x9E3779B97F4A7C15UL, value);

    /// <summary>Marks a chemical or disease lexicon type in an abbreviation feature.</summary>
    public static ulong AbbreviationValue(LexiconMatch chemical, LexiconMatch disease) =>
        1 + ((ulong)chemical << 4) + (ulong)disease;
}
