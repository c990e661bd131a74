using System.CommandLine;
using Pipeline.Tagging;

namespace Pipeline.Cli;

/// <summary><c>pipeline train-tagger</c>: train the Chemical/Disease sequence model from BC5CDR (and NCBI disease) with the lexicons.</summary>
internal static class TrainTaggerCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "The datasets folder (bc5cdr/, ncbi-disease/, lexicons/).", DefaultValueFactory = _ => Path.Combine("..", "shared", "datasets") };
        var output = new Option<string>("--out") { Description = "Where to write the model.", DefaultValueFactory = _ => "tagger.model" };
        var includeDev = new Option<bool>("--include-dev") { Description = "Also train on the development set (for the shipped model; evaluate a train-only model)." };
        var epochs = new Option<int>("--epochs") { Description = "Training passes.", DefaultValueFactory = _ => new TrainingOptions().Epochs };
        var command = new Command("train-tagger", "Train the entity tagger's statistical model.") { data, output, includeDev, epochs };
        command.SetAction((parse, cancellationToken) =>
        {
            var dataPath = parse.GetValue(data)!;
            if (!Directory.Exists(dataPath))
            {
                Console.Error.WriteLine($"No such datasets folder: {dataPath}");
                return Task.FromResult(2);
            }

            var summary = TaggerTraining.Train(new TrainingOptions
            {
                DataDirectory = dataPath,
                OutputPath = parse.GetValue(output)!,
                IncludeDevelopment = parse.GetValue(includeDev),
                Epochs = parse.GetValue(epochs),
                Log = Console.Out,
            });
            Console.WriteLine(summary.ToText());
            return Task.FromResult(0);
        });
        return command;
    }
}
