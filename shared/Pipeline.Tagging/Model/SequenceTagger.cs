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

        if (model.Stage2Weights is not null)
        {
            Relabel(model.Stage2Weights, model.Stage2Transitions!, doc, buffers, labels);
        }
    }

    /// <summary>The stacked pass: relabels every sentence given the first pass's labels of the whole document.</summary>
    public static void Relabel(FeatureWeights weights, float[] transitions, AnalyzedText doc, DecodeBuffers buffers, Span<int> labels)
    {
        if (buffers.Stage1.Length < doc.Count)
        {
            buffers.Stage1 = new int[Math.Max(doc.Count, buffers.Stage1.Length * 2)];
            buffers.Votes = new byte[buffers.Stage1.Length];
        }

        var stage1 = buffers.Stage1.AsSpan(0, doc.Count);
        labels[..doc.Count].CopyTo(stage1);
        var votes = buffers.Votes.AsSpan(0, doc.Count);
        DocumentFeatures.Vote(doc, stage1, buffers.VoteCounts, votes);
        var sentenceStart = 0;
        foreach (var sentenceEnd in doc.SentenceEnds)
        {
            var n = sentenceEnd - sentenceStart;
            var features = buffers.Stage2Features.AsSpan(0, n * DocumentFeatures.PerToken);
            DocumentFeatures.Extract(doc, stage1, votes, sentenceStart, sentenceEnd, features);
            var emissions = buffers.Emissions.AsSpan(0, n * Labels.Count);
            emissions.Clear();
            for (var i = 0; i < n; i++)
            {
                weights.Score(
                    features.Slice(i * DocumentFeatures.PerToken, DocumentFeatures.PerToken),
                    emissions.Slice(i * Labels.Count, Labels.Count));
            }

            Viterbi.Decode(emissions, transitions, labels[sentenceStart..sentenceEnd], buffers.Scores, buffers.Back);
            sentenceStart = sentenceEnd;
        }

        KeepFirstPassChemicals(stage1, labels[..doc.Count]);
    }

    /// <summary>
    /// The second pass is trained on weaker cross-validated first-pass labels and so under-trusts chemicals, which
    /// the first pass already tags consistently; it decides diseases, the first pass chemicals.
    /// </summary>
    private static void KeepFirstPassChemicals(ReadOnlySpan<int> stage1, Span<int> labels)
    {
        var chemical = Lexicons.LexiconType.Chemical;
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] != Labels.Outside && Labels.TypeOf(labels[i]) == chemical)
            {
                labels[i] = Labels.Outside;
            }
        }

        for (var i = 0; i < labels.Length; i++)
        {
            if (stage1[i] == Labels.Outside || Labels.TypeOf(stage1[i]) != chemical || !(Labels.IsBegin(stage1[i]) || Labels.IsUnit(stage1[i])))
            {
                continue;
            }

            var end = i + 1;
            while (end < labels.Length && !Labels.IsUnit(stage1[i]) && !Labels.IsLast(stage1[end - 1]))
            {
                end++;
            }

            var free = true;
            for (var k = i; k < end && free; k++)
            {
                free = labels[k] == Labels.Outside;
            }

            if (free)
            {
                stage1[i..end].CopyTo(labels[i..end]);
            }

            i = end - 1;
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
