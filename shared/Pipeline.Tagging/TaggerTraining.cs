using System.Diagnostics;
using System.Globalization;
using Pipeline.Tagging.Evaluation;
using Pipeline.Tagging.Lexicons;
using Pipeline.Tagging.Model;
using Pipeline.Tagging.Training;

namespace Pipeline.Tagging;

/// <summary>Trains the chemical and disease sequence model from BC5CDR with the DrugBank and Disease Ontology lexicons.</summary>
public static class TaggerTraining
{
    private const int Folds = 5;

    /// <summary>Trains a model, writes it to <see cref="TrainingOptions.OutputPath"/> and returns a summary.</summary>
    /// <exception cref="FileNotFoundException">A data file is missing under <see cref="TrainingOptions.DataDirectory"/>.</exception>
    public static TrainingSummary Train(TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var (model, documents) = TrainModel(options);
        var directory = Path.GetDirectoryName(Path.GetFullPath(options.OutputPath));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        using (var file = File.Create(options.OutputPath))
        {
            model.Write(file);
        }

        return new TrainingSummary(
            options.OutputPath,
            documents.Count,
            documents.Sum(d => d.Doc.SentenceEnds.Count),
            documents.Sum(d => d.Doc.Count),
            documents.Sum(d => d.Source.Mentions.Count),
            documents.Sum(d => d.Unaligned),
            model.Weights.Count + (model.Stage2Weights?.Count ?? 0),
            options.Epochs,
            new FileInfo(options.OutputPath).Length,
            clock.Elapsed);
    }

    /// <summary>
    /// Trains the general-domain model (Person, Organization, Location, Misc) from the training splits under
    /// <c>ner-general/</c> and the ISO 3166 names, writes it to <see cref="TrainingOptions.OutputPath"/> and returns a summary.
    /// </summary>
    /// <exception cref="FileNotFoundException">A data file is missing.</exception>
    public static TrainingSummary TrainNames(TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var result = General.NameTraining.Train(options);
        var directory = Path.GetDirectoryName(Path.GetFullPath(options.OutputPath));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        using (var file = File.Create(options.OutputPath))
        {
            result.Model.Write(file);
        }

        return new TrainingSummary(
            options.OutputPath,
            result.Documents,
            result.Sentences,
            result.Tokens,
            result.Names,
            result.Unaligned,
            result.Model.Weights.Count,
            options.Epochs,
            new FileInfo(options.OutputPath).Length,
            clock.Elapsed);
    }

    /// <summary>Trains and returns a tagger in memory without writing a file.</summary>
    public static EntityTagger TrainInMemory(TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new EntityTagger(TrainModel(options).Model);
    }

    private static (TaggerModel Model, List<TrainingDocument> Documents) TrainModel(TrainingOptions options)
    {
        var log = options.Log;
        var lexicon = LexiconBuilder.Build(
            Require(options.DataDirectory, "lexicons", "drugbank_open_vocabulary_terms.tsv"),
            Require(options.DataDirectory, "lexicons", "disease_ontology_terms.tsv"));
        var sources = PubTatorReader.Read(Require(options.DataDirectory, "bc5cdr", "CDR_TrainingSet.PubTator.txt"), options.DocumentLimit);
        var sourceName = "BC5CDR train";
        if (options.IncludeDevelopment)
        {
            sources.AddRange(PubTatorReader.Read(Require(options.DataDirectory, "bc5cdr", "CDR_DevelopmentSet.PubTator.txt")));
            sourceName += "+dev";
        }

        // The seen-mention gazetteer is built jackknife-style: each document is featurised with names from the
        // other folds only, so the model learns how far to trust a name seen elsewhere, as on new text.
        // NCBI disease names are outside data, so every fold may see them.
        List<string>? ncbi = null;
        if (options.IncludeNcbiDiseaseNames)
        {
            ncbi = [.. SeenMentions.ReadBioDiseases(Require(options.DataDirectory, "ncbi-disease", "train.tsv")),
                .. SeenMentions.ReadBioDiseases(Require(options.DataDirectory, "ncbi-disease", "devel.tsv"))];
            sourceName += ", NCBI disease names";
        }

        var foldLexicons = new Lexicon[Folds];
        for (var k = 0; k < Folds; k++)
        {
            foldLexicons[k] = SeenMentions.Build(sources.Where((_, i) => i % Folds != k), ncbi);
        }

        var documents = sources.Select((s, i) => new TrainingDocument(s, lexicon, foldLexicons[i % Folds])).ToList();
        var seen = SeenMentions.Build(sources, ncbi);
        log?.WriteLine($"{documents.Count} documents, {documents.Sum(d => d.Doc.Count)} tokens, {documents.Sum(d => d.Unaligned)} mentions not on token boundaries");

        log?.WriteLine("first pass, all documents:");
        var (weights, transitions) = TrainFirstPass(documents, options, log);
        var description = string.Create(CultureInfo.InvariantCulture, $"averaged perceptron, {sourceName} ({documents.Count} documents), {options.Epochs} epochs, seed {options.Seed}");
        if (!options.Stacked)
        {
            return (new TaggerModel(lexicon, seen, weights, transitions, description), documents);
        }

        // The second pass learns from first-pass labels a model did not train on (cross-validated), as at run time.
        var firstPass = new int[documents.Count][];
        var buffers = new DecodeBuffers();
        for (var k = 0; k < Folds; k++)
        {
            log?.WriteLine($"first pass, fold {k + 1}/{Folds}:");
            var (foldWeights, foldTransitions) = TrainFirstPass(documents.Where((_, i) => i % Folds != k).ToList(), options, null);
            var foldModel = new TaggerModel(lexicon, foldLexicons[k], foldWeights, foldTransitions, string.Empty);
            for (var i = k; i < documents.Count; i += Folds)
            {
                var doc = documents[i].Doc;
                firstPass[i] = new int[doc.Count];
                var start = 0;
                foreach (var end in doc.SentenceEnds)
                {
                    SequenceTagger.LabelSentence(foldModel, doc, start, end, buffers, firstPass[i].AsSpan(start, end - start));
                    start = end;
                }
            }
        }

        log?.WriteLine("second pass:");
        var trainer = new PerceptronTrainer(DocumentFeatures.PerToken);
        var features = new ulong[Text.SentenceSplitter.MaxSentenceTokens * DocumentFeatures.PerToken];
        for (var i = 0; i < documents.Count; i++)
        {
            var doc = documents[i].Doc;
            var votes = new byte[doc.Count];
            DocumentFeatures.Vote(doc, firstPass[i], [], votes);
            var start = 0;
            foreach (var end in doc.SentenceEnds)
            {
                var n = end - start;
                DocumentFeatures.Extract(doc, firstPass[i], votes, start, end, features);
                trainer.AddSentence(features.AsSpan(0, n * DocumentFeatures.PerToken), documents[i].Gold[start..end]);
                start = end;
            }
        }

        var (weights2, transitions2) = trainer.Train(options.Epochs, options.Seed + 1, options.PruneBelow, log);
        return (new TaggerModel(lexicon, seen, weights, transitions, description + ", stacked document pass")
        {
            Stage2Weights = weights2,
            Stage2Transitions = transitions2,
        }, documents);
    }

    private static (FeatureWeights Weights, float[] Transitions) TrainFirstPass(List<TrainingDocument> documents, TrainingOptions options, TextWriter? log)
    {
        var trainer = new PerceptronTrainer(FeatureExtractor.PerToken);
        var features = new ulong[Text.SentenceSplitter.MaxSentenceTokens * FeatureExtractor.PerToken];
        foreach (var d in documents)
        {
            var start = 0;
            foreach (var end in d.Doc.SentenceEnds)
            {
                var n = end - start;
                FeatureExtractor.Extract(d.Doc, start, end, features);
                trainer.AddSentence(features.AsSpan(0, n * FeatureExtractor.PerToken), d.Gold[start..end]);
                start = end;
            }
        }

        if (options.Ensemble <= 1)
        {
            return trainer.Train(options.Epochs, options.Seed, options.PruneBelow, log);
        }

        // Several passes in different orders, averaged: less dependence on one shuffle.
        var sum = new Dictionary<ulong, float[]>();
        var transitions = new float[(Labels.Count + 1) * Labels.Count];
        for (var e = 0; e < options.Ensemble; e++)
        {
            var (w, t) = trainer.Train(options.Epochs, options.Seed + (1000 * e), options.PruneBelow, log);
            for (var r = 0; r < w.Count; r++)
            {
                if (!sum.TryGetValue(w.Features[r], out var row))
                {
                    sum[w.Features[r]] = row = new float[Labels.Count];
                }

                for (var y = 0; y < Labels.Count; y++)
                {
                    row[y] += w.Weights[(r * Labels.Count) + y] / options.Ensemble;
                }
            }

            for (var k = 0; k < t.Length; k++)
            {
                transitions[k] += t[k] / options.Ensemble;
            }
        }

        var keys = sum.Keys.Order().ToArray();
        var weights = new float[keys.Length * Labels.Count];
        for (var r = 0; r < keys.Length; r++)
        {
            sum[keys[r]].CopyTo(weights, r * Labels.Count);
        }

        return (new FeatureWeights(keys, weights), transitions);
    }

    private static string Require(string root, string folder, string file)
    {
        var path = Path.Combine(root, folder, file);
        return File.Exists(path) ? path : throw new FileNotFoundException($"Training data not found: {path}", path);
    }
}
