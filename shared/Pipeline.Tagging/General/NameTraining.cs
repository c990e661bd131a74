using System.Globalization;
using System.Text.Json;
using Pipeline.Tagging.Lexicons;
using Pipeline.Tagging.Model;
using Pipeline.Tagging.Training;

namespace Pipeline.Tagging.General;

/// <summary>
/// Trains the general-domain model from the training splits under <c>ner-general/</c> (never a test split) and
/// the ISO 3166 place names. The training-name gazetteer is jackknifed: each document is featurised with the
/// names of the other folds only, so the model learns how far to trust a name seen elsewhere, as on new text.
/// </summary>
internal static class NameTraining
{
    private const int Folds = 5;

    /// <summary>Features seen fewer times than this in the training data share one row (keeps memory and the model small).</summary>
    private const int MinFeatureCount = 2;

    private const ulong RareFeature = 0x5EED0F0A11BADUL;

    /// <summary>The training files, relative to <c>ner-general/</c>; the development files are added with <see cref="TrainingOptions.IncludeDevelopment"/>.</summary>
    public static readonly string[] TrainingFiles =
    [
        "uner_en_ewt/train.conll", "wnut17/train.conll", "sec_filings/train.conll", "wikigold/all.conll", "re3d_open/all.conll",
        "btc/section_a.conll", "btc/section_b.conll", "btc/section_e.conll", "btc/section_f.conll", "btc/section_g.conll", "btc/section_h.conll",
    ];

    public static readonly string[] DevelopmentFiles = ["uner_en_ewt/dev.conll", "wnut17/dev.conll"];

    /// <summary>The held-out test splits (evaluation only).</summary>
    public static readonly string[] TestFiles = ["uner_en_ewt/test.conll", "wnut17/test.conll", "sec_filings/test.conll"];

    public sealed record Result(NameModel Model, int Documents, int Sentences, int Tokens, int Names, int Unaligned);

    public static Result Train(TrainingOptions options)
    {
        var log = options.Log;
        var root = Path.Combine(options.DataDirectory, "ner-general");
        var files = options.IncludeDevelopment ? TrainingFiles.Concat(DevelopmentFiles) : TrainingFiles;
        var sources = new List<ConllDocument>();
        foreach (var file in files)
        {
            var path = Path.Combine(root, file);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"Training data not found: {path}", path);
            }

            var documents = ConllReader.Read(path);
            sources.AddRange(options.DocumentLimit is { } limit ? documents.Take(limit) : documents);
        }

        var places = ReadPlaces(options.IsoCodesDirectory);
        var folds = new NameGazetteer[Folds];
        for (var k = 0; k < Folds; k++)
        {
            folds[k] = BuildGazetteer(sources.Where((_, i) => i % Folds != k), places);
        }

        var gazetteer = BuildGazetteer(sources, places);
        log?.WriteLine($"{sources.Count} documents, {places.Count} place names, gazetteer of {gazetteer.Count} sequences");

        var unlabelled = UnlabelledTexts(options.DataDirectory);
        if (options.DocumentLimit is { } few)
        {
            unlabelled = unlabelled.Take(few);
        }

        var classes = WordClasses.Learn(unlabelled.Concat(sources.Select(s => s.Text)), log);
        var model = new NameModel(gazetteer, classes, new Model.FeatureWeights([], [], NameModel.LabelCount), new float[(NameModel.LabelCount + 1) * NameModel.LabelCount], string.Empty);
        var empty = new Lexicon();
        var prepared = new List<(AnalyzedText Doc, int[] Gold, ushort[] Marks, byte[] Flags, uint[] Classes)>();
        var unaligned = 0;
        var words = new Dictionary<ulong, byte>();
        for (var d = 0; d < sources.Count; d++)
        {
            var doc = new AnalyzedText();
            doc.Analyze(sources[d].Text, empty, empty);
            var gold = Align(doc, sources[d].Names, ref unaligned);
            var marks = new ushort[doc.Count];
            var flags = new byte[doc.Count];
            var wordClasses = new uint[doc.Count];
            NameTagger.Prepare(model, doc, words, marks, flags, wordClasses);
            folds[d % Folds].Match(doc.Words.AsSpan(0, doc.Count), marks);
            prepared.Add((doc, gold, marks, flags, wordClasses));
        }

        // Two passes over the features: count, then train with rare ones folded into one shared row.
        var counts = new Dictionary<ulong, int>();
        var features = new ulong[Text.SentenceSplitter.MaxSentenceTokens * NameFeatures.PerToken];
        foreach (var (doc, _, marks, flags, wordClasses) in prepared)
        {
            ForEachSentence(doc, marks, flags, wordClasses, features, span =>
            {
                foreach (var f in span)
                {
                    System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, f, out _)++;
                }
            });
        }

        var trainer = new PerceptronTrainer(NameFeatures.PerToken, NameModel.LabelSet);
        foreach (var (doc, gold, marks, flags, wordClasses) in prepared)
        {
            var start = 0;
            ForEachSentence(doc, marks, flags, wordClasses, features, span =>
            {
                for (var k = 0; k < span.Length; k++)
                {
                    if (counts[span[k]] < MinFeatureCount)
                    {
                        span[k] = RareFeature;
                    }
                }

                var n = span.Length / NameFeatures.PerToken;
                trainer.AddSentence(span, gold[start..(start + n)]);
                start += n;
            });
        }

        log?.WriteLine($"{trainer.Tokens} tokens, {counts.Count} distinct features, {counts.Count(c => c.Value >= MinFeatureCount)} seen at least {MinFeatureCount} times");
        counts.Clear();
        var (weights, transitions) = trainer.Train(options.Epochs, options.Seed, options.PruneBelow, log);
        var description = string.Create(CultureInfo.InvariantCulture, $"names: averaged perceptron, ner-general train{(options.IncludeDevelopment ? "+dev" : string.Empty)} ({sources.Count} documents), ISO 3166 places, {classes.Count} word classes, {options.Epochs} epochs, seed {options.Seed}");
        model = new NameModel(gazetteer, classes, weights, transitions, description);
        return new Result(model, sources.Count, prepared.Sum(p => p.Doc.SentenceEnds.Count), prepared.Sum(p => p.Doc.Count), sources.Sum(s => s.Names.Count), unaligned);
    }

    private delegate void SentenceAction(Span<ulong> features);

    private static void ForEachSentence(AnalyzedText doc, ushort[] marks, byte[] flags, uint[] classes, ulong[] buffer, SentenceAction action)
    {
        var start = 0;
        foreach (var end in doc.SentenceEnds)
        {
            var span = buffer.AsSpan(0, (end - start) * NameFeatures.PerToken);
            NameFeatures.Extract(doc, marks, flags, classes, start, end, span);
            action(span);
            start = end;
        }
    }

    private static int[] Align(AnalyzedText doc, IReadOnlyList<NameSpan> names, ref int unaligned)
    {
        var gold = new int[doc.Count];
        var tokens = doc.Tokens;
        var byStart = new Dictionary<int, int>();
        var byEnd = new Dictionary<int, int>();
        for (var i = 0; i < tokens.Length; i++)
        {
            byStart[tokens[i].Start] = i;
            byEnd[tokens[i].End] = i;
        }

        foreach (var name in names)
        {
            // Twitter corpora tag "@handle" as a person, others leave handles out: the product never wants them.
            if (IsHandle(doc.Text, name.Start))
            {
                continue;
            }

            if (!byStart.TryGetValue(name.Start, out var first) || !byEnd.TryGetValue(name.End, out var last) || last < first)
            {
                unaligned++;
                continue;
            }

            var type = (int)name.Type;
            if (first == last)
            {
                gold[first] = LabelSet.Unit(type);
                continue;
            }

            gold[first] = LabelSet.Begin(type);
            for (var k = first + 1; k < last; k++)
            {
                gold[k] = LabelSet.Inside(type);
            }

            gold[last] = LabelSet.Last(type);
        }

        // A name cut by a sentence split cannot be decoded; drop its pieces.
        var start = 0;
        foreach (var end in doc.SentenceEnds)
        {
            Labels.Repair(gold.AsSpan(start, end - start));
            start = end;
        }

        return gold;
    }

    /// <summary>A user handle or hashtag: "@paulwalk", "#Obama".</summary>
    public static bool IsHandle(string text, int start) =>
        text[start] is '@' or '#' || (start > 0 && text[start - 1] is '@' or '#');

    private static NameGazetteer BuildGazetteer(IEnumerable<ConllDocument> documents, IReadOnlyList<string> places)
    {
        var gazetteer = new NameGazetteer();
        foreach (var place in places)
        {
            gazetteer.Add(place, NameGazetteer.Places);
        }

        foreach (var d in documents)
        {
            foreach (var n in d.Names)
            {
                gazetteer.Add(d.Text[n.Start..n.End], (int)n.Type);
            }
        }

        return gazetteer;
    }

    /// <summary>
    /// Unlabelled text for the word classes: the main text of the WCXB web pages and the BC5CDR abstracts, when
    /// present (none of it is a test split of the names corpora).
    /// </summary>
    private static IEnumerable<string> UnlabelledTexts(string dataDirectory)
    {
        var pages = Path.Combine(dataDirectory, "wcxb-dev", "ground-truth");
        if (Directory.Exists(pages))
        {
            foreach (var file in Directory.GetFiles(pages, "*.json").Order(StringComparer.Ordinal))
            {
                using var json = JsonDocument.Parse(File.ReadAllBytes(file));
                if (json.RootElement.TryGetProperty("ground_truth", out var truth) && truth.TryGetProperty("main_content", out var main) && main.GetString() is { } text)
                {
                    yield return text;
                }
            }
        }

        foreach (var name in new[] { "CDR_TrainingSet.PubTator.txt", "CDR_DevelopmentSet.PubTator.txt" })
        {
            var path = Path.Combine(dataDirectory, "bc5cdr", name);
            if (File.Exists(path))
            {
                foreach (var d in Evaluation.PubTatorReader.Read(path))
                {
                    yield return d.Text;
                }
            }
        }
    }

    /// <summary>Country names (short, official, common) and subdivision names from Debian's iso-codes JSON.</summary>
    public static List<string> ReadPlaces(string directory)
    {
        var names = new List<string>();
        foreach (var (file, key, fields) in new[]
        {
            ("iso_3166-1.json", "3166-1", new[] { "name", "official_name", "common_name" }),
            ("iso_3166-2.json", "3166-2", new[] { "name" }),
        })
        {
            var path = Path.Combine(directory, file);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"ISO 3166 data not found (Debian package iso-codes): {path}", path);
            }

            using var json = JsonDocument.Parse(File.ReadAllBytes(path));
            foreach (var entry in json.RootElement.GetProperty(key).EnumerateArray())
            {
                foreach (var field in fields)
                {
                    if (entry.TryGetProperty(field, out var value) && value.GetString() is { Length: > 1 } name && !name.Contains(',', StringComparison.Ordinal))
                    {
                        names.Add(name);
                    }
                }
            }
        }

        names.AddRange(Rules.Gazetteers.Places);
        return names;
    }
}
