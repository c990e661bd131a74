using Pipeline.Tagging.Model;

namespace Pipeline.Tagging.General;

/// <summary>Runs the general-domain model over each sentence of an analysed document.</summary>
internal static class NameTagger
{
    /// <summary>Labels every token of <paramref name="doc"/>; the labels are in <see cref="NameBuffers.Labels"/>.</summary>
    public static void Label(NameModel model, AnalyzedText doc, NameBuffers buffers)
    {
        var n = doc.Count;
        buffers.Ensure(n);
        var marks = buffers.Marks.AsSpan(0, n);
        var flags = buffers.Flags.AsSpan(0, n);
        var classes = buffers.Classes.AsSpan(0, n);
        Prepare(model, doc, buffers.Words, marks, flags, classes);
        var start = 0;
        foreach (var end in doc.SentenceEnds)
        {
            LabelSentence(model, doc, marks, flags, classes, start, end, buffers, buffers.Labels.AsSpan(start, end - start));
            start = end;
        }
    }

    /// <summary>Gazetteer marks, document flags and word classes for a whole document.</summary>
    public static void Prepare(NameModel model, AnalyzedText doc, Dictionary<ulong, byte> words, Span<ushort> marks, Span<byte> flags, Span<uint> classes)
    {
        model.Gazetteer.Match(doc.Words.AsSpan(0, doc.Count), marks);
        NameFeatures.DocumentFlags(doc, words, flags);
        for (var i = 0; i < doc.Count; i++)
        {
            classes[i] = model.Classes.Of(doc.Words[i]);
        }
    }

    public static void LabelSentence(NameModel model, AnalyzedText doc, ReadOnlySpan<ushort> marks, ReadOnlySpan<byte> flags, ReadOnlySpan<uint> classes, int start, int end, NameBuffers buffers, Span<int> output)
    {
        var n = end - start;
        var count = NameModel.LabelSet.Count;
        var features = buffers.Features.AsSpan(0, n * NameFeatures.PerToken);
        NameFeatures.Extract(doc, marks, flags, classes, start, end, features);
        var emissions = buffers.Emissions.AsSpan(0, n * count);
        emissions.Clear();
        for (var i = 0; i < n; i++)
        {
            model.Weights.Score(features.Slice(i * NameFeatures.PerToken, NameFeatures.PerToken), emissions.Slice(i * count, count));
        }

        Viterbi.Decode(NameModel.LabelSet, emissions, model.Transitions, output, buffers.Scores, buffers.Back);
    }
}
