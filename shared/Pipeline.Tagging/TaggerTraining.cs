using System.Diagnostics;
using System.Globalization;
using Pipeline.Tagging.Evaluation;
using Pipeline.Tagging.Lexicons;
using Pipeline.Tagging.Training;

namespace Pipeline.Tagging;

/// <summary>Trains the chemical and disease sequence model from BC5CDR with the DrugBank and Disease Ontology lexicons.</summary>
public static class TaggerTraining
{
    /// <summary>Trains a model, writes it to <see cref="TrainingOptions.OutputPath"/> and returns a summary.</summary>
    /// <exception cref="FileNotFoundException">A data file is missing under <see cref="TrainingOptions.DataDirectory"/>.</exception>
    public static TrainingSummary Train(TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var (tagger, trainer, documents) = TrainTagger(options);
        var directory = Path.GetDirectoryName(Path.GetFullPath(options.OutputPath));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        using (var file = File.Create(options.OutputPath))
        {
            tagger.Model.Write(file);
        }

        return new TrainingSummary(
            options.OutputPath,
            documents,
            trainer.Sentences,
            trainer.Tokens,
            trainer.Mentions,
            trainer.UnalignedMentions,
            tagger.Model.Weights.Count,
            options.Epochs,
            new FileInfo(options.OutputPath).Length,
            clock.Elapsed);
    }

    /// <summary>Trains and returns a tagger in memory without writing a file.</summary>
    public static EntityTagger TrainInMemory(TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return TrainTagger(options).Tagger;
    }

    private static (EntityTagger Tagger, PerceptronTrainer Trainer, int Documents) TrainTagger(TrainingOptions options)
    {
        var lexicon = LexiconBuilder.Build(
            Require(options.DataDirectory, "lexicons", "drugbank_open_vocabulary_terms.tsv"),
            Require(options.DataDirectory, "lexicons", "disease_ontology_terms.tsv"));
        var documents = PubTatorReader.Read(Require(options.DataDirectory, "bc5cdr", "CDR_TrainingSet.PubTator.txt"), options.DocumentLimit);
        var sources = "BC5CDR train";
        if (options.IncludeDevelopment)
        {
            documents.AddRange(PubTatorReader.Read(Require(options.DataDirectory, "bc5cdr", "CDR_DevelopmentSet.PubTator.txt")));
            sources += "+dev";
        }

        // The seen-mention gazetteer is built jackknife-style: each document is featurised with names from the
        // other folds only, so the model learns how far to trust a name seen elsewhere, as on new text.
        const int Folds = 5;
        var trainer = new PerceptronTrainer(lexicon);
        var foldLexicons = new Lexicon[Folds];
        for (var k = 0; k < Folds; k++)
        {
            foldLexicons[k] = SeenMentions.Build(documents.Where((_, i) => i % Folds != k));
        }

        for (var i = 0; i < documents.Count; i++)
        {
            trainer.Add(documents[i], foldLexicons[i % Folds]);
        }

        var seen = SeenMentions.Build(documents);

        options.Log?.WriteLine($"{documents.Count} documents, {trainer.Sentences} sentences, {trainer.Tokens} tokens, {trainer.UnalignedMentions}/{trainer.Mentions} mentions unaligned");
        var description = string.Create(CultureInfo.InvariantCulture, $"averaged perceptron, {sources} ({documents.Count} documents), {options.Epochs} epochs, seed {options.Seed}");
        var model = trainer.Train(seen, options.Epochs, options.Seed, options.PruneBelow, description, options.Log);
        return (new EntityTagger(model), trainer, documents.Count);
    }

    private static string Require(string root, string folder, string file)
    {
        var path = Path.Combine(root, folder, file);
        return File.Exists(path) ? path : throw new FileNotFoundException($"Training data not found: {path}", path);
    }
}
