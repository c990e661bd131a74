using Pipeline.Cleaning.Text;

namespace Pipeline.Cleaning.Training;

/// <summary>
/// Fits gradient-boosted trees (logistic loss, Newton leaves, histogram splits on quantile bins) on top of a starting
/// score per row, so the trees learn what the linear stages miss: the interactions between a line's shape and its
/// surroundings. Sequential and summed in row order: deterministic.
/// </summary>
internal static class TreeBooster
{
    private const int MaxBins = 32;
    private const double Lambda = 1.0;
    private const double MinChildHessian = 20;

    /// <param name="x">Rows of <paramref name="width"/> features, one after another.</param>
    /// <param name="labels">1 or 0 per row.</param>
    /// <param name="weights">Weight per row.</param>
    /// <param name="start">Starting logit per row (the linear stages' output).</param>
    /// <param name="sample">Each tree is grown on this share of the rows and of the features, drawn by <paramref name="random"/> (1 for all).</param>
    public static TreeEnsemble Fit(float[] x, int width, float[] labels, float[] weights, float[] start, int trees, int depth, float rate, float sample, Random random, TextWriter? log)
    {
        var n = labels.Length;
        var edges = Edges(x, width, n);
        var bins = new byte[x.Length];
        for (var i = 0; i < n; i++)
        {
            for (var f = 0; f < width; f++)
            {
                bins[(i * width) + f] = (byte)Bin(edges[f], x[(i * width) + f]);
            }
        }

        var inner = (1 << depth) - 1;
        var features = new short[inner * trees];
        var thresholds = new float[inner * trees];
        var leaves = new float[trees << depth];
        var score = (float[])start.Clone();
        var g = new double[n];
        var h = new double[n];
        var node = new int[n];
        var hist = new double[(1 << (depth - 1)) * width * MaxBins * 2];
        var useFeature = new bool[width];
        for (var t = 0; t < trees; t++)
        {
            double loss = 0;
            for (var i = 0; i < n; i++)
            {
                var p = LineModel.Sigmoid(score[i]);
                loss -= weights[i] * Math.Log(labels[i] > 0.5f ? Math.Max(p, 1e-7) : Math.Max(1 - p, 1e-7));
                node[i] = 0;

                // A row left out of this tree's sample adds nothing to its histograms or leaves.
                var inSample = sample >= 1 || random.NextSingle() < sample;
                g[i] = inSample ? (p - labels[i]) * weights[i] : 0;
                h[i] = inSample ? Math.Max(p * (1 - p), 1e-6) * weights[i] : 0;
            }

            for (var f = 0; f < width; f++)
            {
                useFeature[f] = sample >= 1 || random.NextSingle() < sample;
            }

            for (var level = 0; level < depth; level++)
            {
                var first = (1 << level) - 1;
                var count = 1 << level;
                Array.Clear(hist, 0, count * width * MaxBins * 2);
                for (var i = 0; i < n; i++)
                {
                    var at = (node[i] - first) * width * MaxBins * 2;
                    var row = i * width;
                    for (var f = 0; f < width; f++)
                    {
                        var k = at + (((f * MaxBins) + bins[row + f]) * 2);
                        hist[k] += g[i];
                        hist[k + 1] += h[i];
                    }
                }

                var splitFeature = new int[count];
                var splitBin = new int[count];
                for (var c = 0; c < count; c++)
                {
                    (splitFeature[c], splitBin[c]) = BestSplit(hist.AsSpan(c * width * MaxBins * 2, width * MaxBins * 2), width, edges, useFeature);
                    var k = (t * inner) + first + c;
                    features[k] = (short)Math.Max(0, splitFeature[c]);
                    thresholds[k] = splitFeature[c] < 0 ? float.PositiveInfinity : edges[splitFeature[c]][splitBin[c]];
                }

                for (var i = 0; i < n; i++)
                {
                    var c = node[i] - first;
                    var left = splitFeature[c] < 0 || bins[(i * width) + splitFeature[c]] <= splitBin[c];
                    node[i] = (2 * node[i]) + (left ? 1 : 2);
                }
            }

            var leafG = new double[1 << depth];
            var leafH = new double[1 << depth];
            for (var i = 0; i < n; i++)
            {
                leafG[node[i] - inner] += g[i];
                leafH[node[i] - inner] += h[i];
            }

            for (var l = 0; l < leafG.Length; l++)
            {
                var value = (float)(-rate * leafG[l] / (leafH[l] + Lambda));
                leaves[(t << depth) + l] = value;
            }

            for (var i = 0; i < n; i++)
            {
                score[i] += leaves[(t << depth) + node[i] - inner];
            }

            if (t % 10 == 0 || t == trees - 1)
            {
                log?.WriteLine(FormattableString.Invariant($"trees, {t + 1}: loss {loss / weights.Sum():F4}"));
            }
        }

        return new TreeEnsemble(depth, features, thresholds, leaves);
    }

    private static (int Feature, int Bin) BestSplit(ReadOnlySpan<double> hist, int width, float[][] edges, bool[] useFeature)
    {
        var best = (Feature: -1, Bin: 0);
        double bestGain = 1e-9;
        for (var f = 0; f < width; f++)
        {
            if (!useFeature[f])
            {
                continue;
            }

            double totalG = 0, totalH = 0;
            for (var b = 0; b < MaxBins; b++)
            {
                totalG += hist[(((f * MaxBins) + b) * 2)];
                totalH += hist[(((f * MaxBins) + b) * 2) + 1];
            }

            var parent = totalG * totalG / (totalH + Lambda);
            double leftG = 0, leftH = 0;
            for (var b = 0; b < edges[f].Length; b++)
            {
                leftG += hist[(((f * MaxBins) + b) * 2)];
                leftH += hist[(((f * MaxBins) + b) * 2) + 1];
                var rightG = totalG - leftG;
                var rightH = totalH - leftH;
                if (leftH < MinChildHessian || rightH < MinChildHessian)
                {
                    continue;
                }

                var gain = (leftG * leftG / (leftH + Lambda)) + (rightG * rightG / (rightH + Lambda)) - parent;
                if (gain > bestGain)
                {
                    bestGain = gain;
                    best = (f, b);
                }
            }
        }

        return best;
    }

    /// <summary>Up to 31 distinct quantiles of each feature, from every 7th row: a row goes to the first bin whose edge it does not exceed.</summary>
    private static float[][] Edges(float[] x, int width, int n)
    {
        var edges = new float[width][];
        var values = new List<float>();
        for (var f = 0; f < width; f++)
        {
            values.Clear();
            for (var i = 0; i < n; i += 7)
            {
                values.Add(x[(i * width) + f]);
            }

            values.Sort();
            var cut = new SortedSet<float>();
            for (var q = 1; q < MaxBins; q++)
            {
                cut.Add(values[(int)((long)q * (values.Count - 1) / MaxBins)]);
            }

            cut.Remove(values[^1]);
            edges[f] = [.. cut];
        }

        return edges;
    }

    private static int Bin(float[] edges, float value)
    {
        var b = 0;
        while (b < edges.Length && value > edges[b])
        {
            b++;
        }

        return b;
    }
}
