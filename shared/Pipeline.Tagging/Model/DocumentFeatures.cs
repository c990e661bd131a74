namespace Pipeline.Tagging.Model;

/// <summary>
/// Second-pass (stacked) features: the first pass's labels around a token, and how the first pass labelled the
/// same word elsewhere in the document, so one document's mentions of a name are tagged consistently.
/// </summary>
internal static class DocumentFeatures
{
    public const int PerToken = 10;

    /// <summary>Per token: bits saying whether other occurrences of its word were outside, chemical, disease.</summary>
    public static void Vote(AnalyzedText doc, ReadOnlySpan<int> stage1, Dictionary<ulong, int> counts, Span<byte> votes)
    {
        counts.Clear();
        for (var i = 0; i < doc.Count; i++)
        {
            ref var c = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, doc.Words[i], out _);
            c += Unit(stage1[i]);
        }

        for (var i = 0; i < doc.Count; i++)
        {
            // Counts are packed 10 bits per class; take this token's own label out.
            var others = counts[doc.Words[i]] - Unit(stage1[i]);
            var outside = others & 0x3FF;
            var chemical = (others >> 10) & 0x3FF;
            var disease = (others >> 20) & 0x3FF;
            votes[i] = (byte)((outside > 0 ? 1 : 0) | (chemical > 0 ? 2 : 0) | (disease > 0 ? 4 : 0) |
                (chemical > outside && chemical >= disease ? 8 : 0) | (disease > outside && disease > chemical ? 16 : 0));
        }
    }

    public static void Extract(AnalyzedText doc, ReadOnlySpan<int> stage1, ReadOnlySpan<byte> votes, int start, int end, Span<ulong> output)
    {
        var words = doc.Words;
        for (var i = start; i < end; i++)
        {
            var f = output.Slice((i - start) * PerToken, PerToken);
            var label = (ulong)stage1[i];
            var previous = i > start ? (ulong)stage1[i - 1] : 15;
            var next = i + 1 < end ? (ulong)stage1[i + 1] : 15;
            var vote = (ulong)votes[i];
            f[0] = 1;
            f[1] = T(101, label);
            f[2] = T(102, (previous << 8) | (label << 4) | next);
            f[3] = T(103, vote);
            f[4] = T(104, (vote << 4) | label);
            f[5] = T(105, words[i]);
            f[6] = T(106, ((ulong)doc.ChemicalMatches[i] << 4) | (ulong)doc.DiseaseMatches[i]);
            f[7] = T(107, doc.Abbreviation[i]);
            f[8] = T(108, (vote << 8) | (previous << 4) | next);
            f[9] = T(109, ((ulong)doc.SeenChemical[i] << 4) | (ulong)doc.SeenDisease[i] | (label << 8));
        }
    }

    private static int Unit(int label) => label == Labels.Outside ? 1 : Labels.TypeOf(label) == Lexicons.LexiconType.Chemical ? 1 << 10 : 1 << 20;

    private static ulong T(ulong template, ulong value) => Text.TextHash.Mix(template * 0x9E3779B97F4A7C15UL, value);
}
