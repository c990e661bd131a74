using System.CommandLine;
using Pipeline.Cleaning.Evaluation;
using Pipeline.Cleaning.Training;

namespace Pipeline.Cli;

/// <summary>
/// <c>pipeline train-cleaner</c>: train the line model for text dumps on the WCXB dev training split (every page
/// rendered by our renderer, lynx, w3m and html2text) and write the weights that Pipeline.Cleaning embeds.
/// </summary>
internal static class TrainCleanerCommand
{
    public static Command Create()
    {
        var dataset = new Option<string>("--dataset") { Description = "The WCXB folder (html/, ground-truth/).", DefaultValueFactory = _ => Path.Combine("..", "shared", "datasets", "wcxb-dev") };
        var output = new Option<string>("--out") { Description = "Where to write the model (the shipped one is shared/Pipeline.Cleaning/Text/lines.model).", DefaultValueFactory = _ => "lines.model" };
        var cache = new Option<string>("--cache") { Description = "Where the Debian renderers' dumps are cached (outside the repository).", DefaultValueFactory = _ => TextRenderer.DefaultCacheDirectory };
        var limit = new Option<int?>("--limit") { Description = "Train on at most this many pages of the training split." };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the lines per stage.", DefaultValueFactory = _ => new LineModelTrainingOptions { DatasetDirectory = ".", OutputPath = "." }.Epochs };
        var trees = new Option<int>("--trees") { Description = "Boosted trees after the linear stages (0 for none).", DefaultValueFactory = _ => new LineModelTrainingOptions { DatasetDirectory = ".", OutputPath = "." }.Trees };
        var defaults = new LineModelTrainingOptions { DatasetDirectory = ".", OutputPath = "." };
        var depth = new Option<int>("--tree-depth") { Description = "Depth of each boosted tree.", DefaultValueFactory = _ => defaults.TreeDepth };
        var rate = new Option<float>("--tree-rate") { Description = "Shrinkage of each tree's leaves.", DefaultValueFactory = _ => defaults.TreeRate };
        var sample = new Option<float>("--tree-sample") { Description = "Share of the rows and of the features each tree is grown on (1 for all).", DefaultValueFactory = _ => defaults.TreeSample };
        var balance = new Option<float>("--page-balance") { Description = "How far each dump's lines are reweighted towards every dump weighing the same (0 to 1).", DefaultValueFactory = _ => defaults.PageBalance };
        var lexicon = new Option<int>("--lexicon-pages") { Description = "A word or short line enters the lexicon when it is on at least this many training pages (0: no lexicon).", DefaultValueFactory = _ => defaults.LexiconMinPages };
        var command = new Command("train-cleaner", "Train the line model that cleans plain-text page dumps.") { dataset, output, cache, limit, epochs, trees, depth, rate, sample, balance, lexicon };
        command.SetAction((parse, cancellationToken) =>
        {
            var path = parse.GetValue(dataset)!;
            if (!Directory.Exists(Path.Combine(path, "html")))
            {
                Console.Error.WriteLine($"No such dataset folder (with html/): {path}");
                return Task.FromResult(2);
            }

            if (parse.GetValue(epochs) < 1 || parse.GetValue(trees) is < 0 or > 1000)
            {
                Console.Error.WriteLine("--epochs must be at least 1 and --trees from 0 to 1000.");
                return Task.FromResult(2);
            }

            if (parse.GetValue(depth) is < 1 or > 10 || parse.GetValue(rate) is not (> 0 and <= 1) || parse.GetValue(sample) is not (> 0 and <= 1) || parse.GetValue(balance) is not (>= 0 and <= 1) || parse.GetValue(lexicon) < 0)
            {
                Console.Error.WriteLine("--tree-depth must be from 1 to 10, --tree-rate and --tree-sample above 0 and at most 1, --page-balance from 0 to 1, --lexicon-pages at least 0.");
                return Task.FromResult(2);
            }

            var summary = LineModelTrainer.Train(new LineModelTrainingOptions
            {
                DatasetDirectory = path,
                OutputPath = parse.GetValue(output)!,
                CacheDirectory = parse.GetValue(cache)!,
                Limit = parse.GetValue(limit),
                Epochs = parse.GetValue(epochs),
                Trees = parse.GetValue(trees),
                TreeDepth = parse.GetValue(depth),
                TreeRate = parse.GetValue(rate),
                TreeSample = parse.GetValue(sample),
                PageBalance = parse.GetValue(balance),
                LexiconMinPages = parse.GetValue(lexicon),
                Log = Console.Out,
            });
            Console.WriteLine(summary.ToText());
            return Task.FromResult(0);
        });
        return command;
    }
}
