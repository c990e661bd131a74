using System.CommandLine;
using Pipeline.Tagging;

namespace Pipeline.Cli;

/// <summary>
/// <c>pipeline train-tagger</c>: train the Chemical/Disease sequence model from BC5CDR with the lexicons, or with
/// <c>--names</c> the general-domain Person/Organization/Location model from the ner-general training splits.
/// </summary>
internal static class TrainTaggerCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "The datasets folder (bc5cdr/, ncbi-disease/, lexicons/).", DefaultValueFactory = _ => Path.Combine("..", "shared", "datasets") };
        var output = new Option<string>("--out") { Description = "Where to write the model.", DefaultValueFactory = _ => "tagger.model" };
        var includeDev = new Option<bool>("--include-dev") { Description = "Also train on the development set (for the shipped model; evaluate a train-only model)." };
        var epochs = new Option<int>("--epochs") { Description = "Training passes (default 16 biomedical, 20 names)." };
        var names = new Option<bool>("--names") { Description = "Train the general-domain names model (ner-general train splits, ISO 3166 places) instead of the biomedical one." };
        var isoCodes = new Option<string>("--iso-codes") { Description = "Debian iso-codes JSON folder (for --names).", DefaultValueFactory = _ => new TrainingOptions().IsoCodesDirectory };
        var command = new Command("train-tagger", "Train the entity tagger's statistical models.") { data, output, includeDev, epochs, names, isoCodes };
        command.SetAction((parse, cancellationToken) =>
        {
            var dataPath = parse.GetValue(data)!;
            if (!Directory.Exists(dataPath))
            {
                Console.Error.WriteLine($"No such datasets folder: {dataPath}");
                return Task.FromResult(2);
            }

            var options = new TrainingOptions
            {
                DataDirectory = dataPath,
                OutputPath = parse.GetValue(output)!,
                IncludeDevelopment = parse.GetValue(includeDev),
                Epochs = parse.GetValue(epochs) is var e && e > 0 ? e : parse.GetValue(names) ? TrainingOptions.NameEpochs : new TrainingOptions().Epochs,
                IsoCodesDirectory = parse.GetValue(isoCodes)!,
                Log = Console.Out,
            };
            var summary = parse.GetValue(names) ? TaggerTraining.TrainNames(options) : TaggerTraining.Train(options);
            Console.WriteLine(summary.ToText());
            return Task.FromResult(0);
        });
        return command;
    }
}
