using System.Diagnostics;
using System.Text.Json;
using Pipeline.Cleaning.Evaluation;
using Pipeline.Cleaning.Text;

namespace Pipeline.Cleaning.Training;

/// <summary>
/// Trains the line model for text dumps (<c>pipeline train-cleaner</c>): every training-split page of a WCXB-layout
/// folder is rendered to text by each renderer, in one of the dump variants, split and run through the rules
/// exactly as at cleaning time, aligned line by line to its gold main text, and the two stages are fitted in turn.
/// Deterministic: the same data and options give the same bytes.
/// </summary>
public static class LineModelTrainer
{
    /// <summary>The threshold is chosen on every this-many-th training dump (the word F1 is slow to compute).</summary>
    private const int ThresholdStride = 3;

    /// <summary>Longer lines do not weigh more than this many words' worth.</summary>
    private const int MaxWeightWords = 64;

    /// <summary>Trains and writes the model to <see cref="LineModelTrainingOptions.OutputPath"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">The dataset folder has no <c>html/</c>.</exception>
    public static LineModelTrainingSummary Train(LineModelTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var (dumps, pages, pageOf) = Load(options);
        if (dumps.Count == 0)
        {
            throw new InvalidDataException($"No training pages with a main text in {options.DatasetDirectory}.");
        }

        var examples = new List<(int Dump, int Line)>();
        long main = 0;
        for (var d = 0; d < dumps.Count; d++)
        {
            for (var i = 0; i < dumps[d].Words.Length; i++)
            {
                if (dumps[d].Words[i] > 0)
                {
                    examples.Add((d, i));
                    main += dumps[d].Labels[i] > 0.5f ? 1 : 0;
                }
            }
        }

        // The measure is the mean of the pages' F1, where a page of a thousand menu lines counts no more than an article:
        // PageBalance moves each dump's weight that way (0, the default, leaves every line weighted by its words).
        var balance = new float[dumps.Count];
        var dumpWeights = dumps.Select(d => d.Words.Sum(w => w > 0 ? (double)Weight(w) : 0)).ToArray();
        var meanWeight = dumpWeights.Average();
        for (var d = 0; d < dumps.Count; d++)
        {
            balance[d] = dumpWeights[d] <= 0 ? 1 : (float)Math.Pow(meanWeight / dumpWeights[d], options.PageBalance);
        }

        var random = new Random(options.Seed);
        var order = new int[examples.Count];
        var vocabulary = Vocabulary(dumps, pageOf, options.LexiconMinPages);
        options.Log?.WriteLine(FormattableString.Invariant($"lexicon: {vocabulary.Length} tokens on {options.LexiconMinPages} pages or more"));
        var columns = new LineLexicon(vocabulary, new float[vocabulary.Length]);
        var pass1 = new LogisticRegression(LineFeatureTable.Pass1Width, vocabulary.Length);
        Fit(pass1, order, random, options, "first pass", (n, row, sparse) =>
        {
            var (d, i) = examples[n];
            dumps[d].Table.Pass1Row(i, row);
            foreach (var token in dumps[d].Table.TokensOf(i))
            {
                if (columns.IndexOf(token) is var k and >= 0)
                {
                    sparse.Add(k);
                }
            }

            return (dumps[d].Labels[i], balance[d] * Weight(dumps[d].Words[i]));
        });

        var lexicon = vocabulary.Length == 0 ? null : new LineLexicon(vocabulary, pass1.SparseWeights);
        var interim = new LineModel(pass1.Weights, new float[LineFeatureTable.Pass2Width], 0.5f, lexicon: lexicon);
        var firstPass = dumps.Select(d => interim.PredictPass1(d.Table)).ToList();
        for (var d = 0; d < dumps.Count; d++)
        {
            dumps[d].Table.PrepareMass(firstPass[d]);
        }

        var pass2 = new LogisticRegression(LineFeatureTable.Pass2Width);
        Fit(pass2, order, random, options, "second pass", (n, row, _) =>
        {
            var (d, i) = examples[n];
            dumps[d].Table.Pass2Row(i, firstPass[d], row);
            return (dumps[d].Labels[i], balance[d] * Weight(dumps[d].Words[i]));
        });

        var trees = options.Trees > 0 ? FitTrees(dumps, firstPass, examples, pass2.Weights, balance, options, random) : null;
        var model = new LineModel(pass1.Weights, pass2.Weights, 0.5f, trees, lexicon);
        var probabilities = dumps.Select(d => model.Predict(d.Table)).ToList();
        var oracle = 0.0;
        for (var d = 0; d < dumps.Count; d += ThresholdStride)
        {
            oracle += F1(dumps[d], dumps[d].Labels, 0.5f);
        }

        options.Log?.WriteLine(FormattableString.Invariant($"keeping exactly the aligned lines: word F1 {oracle / ((dumps.Count + ThresholdStride - 1) / ThresholdStride):F3}"));
        var (threshold, f1) = ChooseThreshold(dumps, probabilities);
        options.Log?.WriteLine(FormattableString.Invariant($"threshold {threshold:F3}: training word F1 {f1:F3}"));
        model = new LineModel(pass1.Weights, pass2.Weights, threshold, trees, lexicon);
        var directory = Path.GetDirectoryName(Path.GetFullPath(options.OutputPath));
        Directory.CreateDirectory(directory!);
        using (var file = File.Create(options.OutputPath))
        {
            model.Write(file);
        }

        return new LineModelTrainingSummary(pages, dumps.Count, examples.Count, examples.Count == 0 ? 0 : (double)main / examples.Count, threshold, f1, clock.Elapsed.TotalSeconds);
    }

    /// <summary>Boosts trees on every n-th line's second-pass row, starting from the second pass's logit.</summary>
    private static TreeEnsemble FitTrees(List<TrainingDump> dumps, List<float[]> firstPass, List<(int Dump, int Line)> examples, float[] pass2, float[] balance, LineModelTrainingOptions options, Random random)
    {
        var stride = Math.Max(1, (examples.Count + options.TreeRows - 1) / options.TreeRows);
        var rows = (examples.Count + stride - 1) / stride;
        var width = LineFeatureTable.Pass2Width;
        var x = new float[rows * width];
        var labels = new float[rows];
        var weights = new float[rows];
        var start = new float[rows];
        for (var r = 0; r < rows; r++)
        {
            var (d, i) = examples[r * stride];
            var row = x.AsSpan(r * width, width);
            dumps[d].Table.Pass2Row(i, firstPass[d], row);
            labels[r] = dumps[d].Labels[i];
            weights[r] = balance[d] * Weight(dumps[d].Words[i]);
            start[r] = LineModel.Dot(pass2, row);
        }

        return TreeBooster.Fit(x, width, labels, weights, start, options.Trees, options.TreeDepth, options.TreeRate, options.TreeSample, random, options.Log);
    }

    private static float Weight(int words) => MathF.Sqrt(Math.Min(words, MaxWeightWords));

    /// <summary>
    /// The tokens found on at least <paramref name="minPages"/> training pages (each of a different site in WCXB): words
    /// and short lines that say something about pages in general, not about one site. Sorted: the same on every run.
    /// </summary>
    private static ulong[] Vocabulary(List<TrainingDump> dumps, List<int> pageOf, int minPages)
    {
        if (minPages <= 0)
        {
            return [];
        }

        var pagesOf = new Dictionary<ulong, int>();
        var seen = new HashSet<ulong>();
        for (var d = 0; d < dumps.Count; d++)
        {
            if (d == 0 || pageOf[d] != pageOf[d - 1])
            {
                seen.Clear();
            }

            foreach (var token in dumps[d].Table.Tokens)
            {
                if (seen.Add(token))
                {
                    pagesOf[token] = pagesOf.GetValueOrDefault(token) + 1;
                }
            }
        }

        var tokens = pagesOf.Where(e => e.Value >= minPages).Select(e => e.Key).ToArray();
        Array.Sort(tokens);
        return tokens;
    }

    private static void Fit(LogisticRegression model, int[] order, Random random, LineModelTrainingOptions options, string stage, Func<int, float[], List<int>, (float, float)> fill)
    {
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            for (var i = 0; i < order.Length; i++)
            {
                order[i] = i;
            }

            LogisticRegression.Shuffle(order, random);
            var loss = model.Epoch(order, order.Length, fill);
            options.Log?.WriteLine(FormattableString.Invariant($"{stage}, epoch {epoch + 1}: loss {loss:F4}"));
        }
    }

    /// <summary>The threshold with the best mean word F1 (the evaluation's own measure) over every third training dump.</summary>
    private static (float Threshold, double F1) ChooseThreshold(List<TrainingDump> dumps, List<float[]> probabilities)
    {
        var best = (Threshold: 0.5f, F1: -1.0);
        for (var step = 0; step <= 24; step++)
        {
            var threshold = 0.2f + (0.025f * step);
            double sum = 0;
            var count = 0;
            for (var d = 0; d < dumps.Count; d += ThresholdStride)
            {
                sum += F1(dumps[d], probabilities[d], threshold);
                count++;
            }

            var mean = sum / count;
            if (mean > best.F1 + 1e-9)
            {
                best = (threshold, mean);
            }
        }

        return best;
    }

    private static double F1(TrainingDump dump, float[] p, float threshold)
    {
        var kept = new System.Text.StringBuilder();
        for (var i = 0; i < p.Length; i++)
        {
            if (p[i] >= threshold)
            {
                kept.Append(dump.Lines[i]).Append('\n');
            }
        }

        return WordOverlap.Score(kept.ToString(), dump.Gold).F1;
    }

    private static (List<TrainingDump> Dumps, int Pages, List<int> PageOf) Load(LineModelTrainingOptions options)
    {
        var htmlDirectory = Path.Combine(options.DatasetDirectory, "html");
        if (!Directory.Exists(htmlDirectory))
        {
            throw new DirectoryNotFoundException($"No html/ folder in {options.DatasetDirectory}.");
        }

        var renderers = options.Renderers.Select(name => TextRenderer.Create(name).WithCache(options.CacheDirectory)).ToList();
        var files = Directory.GetFiles(htmlDirectory, "*.html.gz");
        Array.Sort(files, StringComparer.Ordinal);
        var dumps = new List<TrainingDump>();
        var pageOf = new List<int>();
        var pages = 0;
        foreach (var file in files)
        {
            var id = Path.GetFileName(file)[..^".html.gz".Length];
            var truthPath = Path.Combine(options.DatasetDirectory, "ground-truth", id + ".json");
            if (LineModelSplit.IsHeldOut(id) || !File.Exists(truthPath))
            {
                continue;
            }

            if (options.Limit is { } limit && pages >= limit)
            {
                break;
            }

            using var truthDoc = JsonDocument.Parse(File.ReadAllBytes(truthPath));
            var truth = truthDoc.RootElement.GetProperty("ground_truth");
            if (!truth.TryGetProperty("main_content", out var mainContent) || mainContent.ValueKind != JsonValueKind.String)
            {
                continue;
            }

            var gold = mainContent.GetString() ?? string.Empty;
            var with = Strings(truth, "with");
            var without = Strings(truth, "without");
            var html = CleaningEvaluation.ReadGzip(file);
            pages++;
            foreach (var renderer in renderers)
            {
                var text = DumpVariants.Apply(renderer.Render(html, id), VariantOf(id, renderer.Name));
                if (Prepare(text, gold, with, without) is { } dump)
                {
                    dumps.Add(dump);
                    pageOf.Add(pages);
                }
            }

            if (pages % 100 == 0)
            {
                options.Log?.WriteLine(FormattableString.Invariant($"{pages} pages, {dumps.Count} dumps"));
            }
        }

        return (dumps, pages, pageOf);
    }

    /// <summary>Half the dumps are the renderer's own output, the other half one of the variants, chosen by a hash of page and renderer.</summary>
    internal static int VariantOf(string id, string renderer)
    {
        var hash = 2166136261u;
        foreach (var c in id + "/" + renderer)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash % 8 < 4 ? 0 : 1 + (int)(hash / 8 % (DumpVariants.Count - 1));
    }

    /// <summary>Splits and rule-classifies a dump as cleaning does, then labels it; null for a dump the model is not used on.</summary>
    internal static TrainingDump? Prepare(string text, string gold, IReadOnlyList<string> with, IReadOnlyList<string> without)
    {
        var units = LineSplitter.Split(text, markdown: false);
        if (units.Count < PlainTextCleaner.LineModelMinLines)
        {
            return null;
        }

        PlainTextCleaner.ApplyRules(units);
        var labels = LineAligner.Label(units, gold, with, without);
        var words = new int[units.Count];
        var lines = new string[units.Count];
        for (var i = 0; i < units.Count; i++)
        {
            words[i] = WordOverlap.CountWords(units[i].Text);
            lines[i] = units[i].Text;
        }

        return new TrainingDump(LineFeatures.Compute(units), labels, words, lines, gold);
    }

    private static List<string> Strings(JsonElement truth, string name) =>
        truth.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? [.. array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)]
            : [];
}
