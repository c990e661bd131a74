using Pipeline.Tagging.Model;
using Pipeline.Tagging.Text;

namespace Pipeline.Tagging.Training;

/// <summary>
/// Averaged structured perceptron over BILOU labels with Viterbi decoding (Collins 2002). Chosen over a CRF
/// because it trains in seconds on one core, has no learning rate to tune, and decodes with the same code.
/// </summary>
internal sealed class PerceptronTrainer(int featuresPerToken, LabelSet? labelSet = null)
{
    private readonly LabelSet _set = labelSet ?? Labels.Set;

    private readonly Dictionary<ulong, int> _rows = [];
    private readonly List<ulong> _features = [];
    private readonly List<TrainingSentence> _sentences = [];

    public int Sentences => _sentences.Count;

    public int Tokens { get; private set; }

    public void AddSentence(ReadOnlySpan<ulong> features, int[] gold)
    {
        var rows = new int[features.Length];
        for (var k = 0; k < features.Length; k++)
        {
            var f = features[k];
            if (!_rows.TryGetValue(f, out var row))
            {
                row = _features.Count;
                _rows.Add(f, row);
                _features.Add(f);
            }

            rows[k] = row;
        }

        _sentences.Add(new TrainingSentence(rows, gold));
        Tokens += gold.Length;
    }

    public (FeatureWeights Weights, float[] Transitions) Train(int epochs, int seed, float pruneBelow, TextWriter? log)
    {
        var f = featuresPerToken;
        var L = _set.Count;
        var rowCount = _features.Count;
        var w = new float[rowCount * L];
        var u = new double[rowCount * L];
        var tw = new float[(L + 1) * L];
        var tu = new double[(L + 1) * L];
        var order = Enumerable.Range(0, _sentences.Count).ToArray();
        var random = new Random(seed);
        var emissions = new float[SentenceSplitter.MaxSentenceTokens * L];
        var scores = new float[SentenceSplitter.MaxSentenceTokens * L];
        var back = new int[SentenceSplitter.MaxSentenceTokens * L];
        var predicted = new int[SentenceSplitter.MaxSentenceTokens];
        long c = 1;
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            var errors = 0;
            foreach (var index in order)
            {
                var s = _sentences[index];
                var n = s.Gold.Length;
                var e = emissions.AsSpan(0, n * L);
                e.Clear();
                for (var i = 0; i < n; i++)
                {
                    var row = e.Slice(i * L, L);
                    for (var k = 0; k < f; k++)
                    {
                        var wr = w.AsSpan(s.Rows[(i * f) + k] * L, L);
                        for (var y = 0; y < L; y++)
                        {
                            row[y] += wr[y];
                        }
                    }
                }

                var p = predicted.AsSpan(0, n);
                Viterbi.Decode(_set, e, tw, p, scores, back);
                for (var i = 0; i < n; i++)
                {
                    var gy = s.Gold[i];
                    var py = p[i];
                    if (gy != py)
                    {
                        errors++;
                        for (var k = 0; k < f; k++)
                        {
                            var r = s.Rows[(i * f) + k] * L;
                            w[r + gy] += 1;
                            u[r + gy] += c;
                            w[r + py] -= 1;
                            u[r + py] -= c;
                        }
                    }

                    var gp = i == 0 ? _set.StartRow : s.Gold[i - 1];
                    var pp = i == 0 ? _set.StartRow : p[i - 1];
                    if (gp != pp || gy != py)
                    {
                        tw[(gp * L) + gy] += 1;
                        tu[(gp * L) + gy] += c;
                        tw[(pp * L) + py] -= 1;
                        tu[(pp * L) + py] -= c;
                    }
                }

                c++;
            }

            log?.WriteLine($"  epoch {epoch + 1}/{epochs}: {errors} token errors ({100.0 * errors / Math.Max(1, Tokens):F2}%)");
        }

        // Averaged weights: w - u / c (the lazy form of averaging over every step).
        var keptFeatures = new List<ulong>();
        var keptWeights = new List<float>();
        var averaged = new float[L];
        for (var r = 0; r < rowCount; r++)
        {
            var max = 0f;
            for (var y = 0; y < L; y++)
            {
                averaged[y] = (float)(w[(r * L) + y] - (u[(r * L) + y] / c));
                max = Math.Max(max, Math.Abs(averaged[y]));
            }

            if (max >= pruneBelow)
            {
                keptFeatures.Add(_features[r]);
                keptWeights.AddRange(averaged);
            }
        }

        var transitions = new float[(L + 1) * L];
        for (var k = 0; k < transitions.Length; k++)
        {
            transitions[k] = (float)(tw[k] - (tu[k] / c));
        }

        log?.WriteLine($"  features: {rowCount} seen, {keptFeatures.Count} kept");
        return (new FeatureWeights([.. keptFeatures], [.. keptWeights], L), transitions);
    }
}
