using Pipeline.Tagging.Lexicons;

namespace Pipeline.Tagging.Model;

/// <summary>Runs the sequence model over each sentence and returns token-level mentions.</summary>
internal static class SequenceTagger
{
    /// <summary>Labels every token of <paramref name="doc"/> into <paramref name="labels"/>.</summary>
    public static void Label(TaggerModel model, AnalyzedText doc, DecodeBuffers buffers, Span<int> labels)
    {
        if (!model.HasWeights)
        {
            LabelFromLexicon(doc, labels);
            return;
        }

        var sentenceStart = 0;
        foreach (var sentenceEnd in doc.SentenceEnds)
        {
            LabelSentence(model, doc, sentenceStart, sentenceEnd, buffers, labels[sentenceStart..sentenceEnd]);
            sentenceStart = sentenceEnd;
        }
    }

    public static void LabelSentence(TaggerModel model, AnalyzedText doc, int start, int end, DecodeBuffers buffers, Span<int> output)
    {
        var n = end - start;
        var features = buffers.Features.AsSpan(0, n * FeatureExtractor.PerToken);
        FeatureExtractor.Extract(doc, start, end, features);
        var emissions = buffers.Emissions.AsSpan(0, n * Labels.Count);
        emissions.Clear();
        for (var i = 0; i < n; i++)
        {
            model.Weights.Score(
                features.Slice(i * FeatureExtractor.PerToken, FeatureExtractor.PerToken),
                emissions.Slice(i * Labels.Count, Labels.Count));
        }

        Viterbi.Decode(emissions, model.Transitions, output, buffers.Scores, buffers.Back);
    }

    private static void LabelFromLexicon(AnalyzedText doc, Span<int> labels)
    {
        for (var i = 0; i < doc.Count; i++)
        {
            labels[i] = doc.ChemicalMatches[i] != LexiconMatch.None
                ? ToLabel(doc.ChemicalMatches[i], LexiconType.Chemical)
                : ToLabel(doc.DiseaseMatches[i], LexiconType.Disease);
        }

        // A chemical match may cut a disease match short; repair to valid BILOU by dropping broken pieces.
        Labels.Repair(labels[..doc.Count]);
    }

    private static int ToLabel(LexiconMatch match, LexiconType type) => match switch
    {
        LexiconMatch.Begin => Labels.Begin(type),
        LexiconMatch.Inside => Labels.Inside(type),
        LexiconMatch.Last => Labels.Last(type),
        LexiconMatch.Unit => Labels.Unit(type),
        _ => Labels.Outside,
    };
}
