using System.Diagnostics;
using BenchmarkDotNet.Running;
using Pipeline.Tagging;
using Pipeline.Tagging.Benchmarks;

// Besides the benchmarks, two maintenance commands so the model can be rebuilt without the CLI:
//   train [--include-dev] [--out FILE] [--epochs N]      eval [--model FILE] [--limit N] [--pubtator FILE]
if (args.Length > 0 && args[0] is "train" or "eval" or "load" or "tag" or "errors" or "profile")
{
    var data = Paths.Datasets();
    string? Option(string name) => Array.IndexOf(args, name) is var i && i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    switch (args[0])
    {
        case "train":
            var summary = TaggerTraining.Train(new TrainingOptions
            {
                DataDirectory = data,
                OutputPath = Option("--out") ?? "tagger.model",
                IncludeDevelopment = args.Contains("--include-dev"),
                Epochs = int.TryParse(Option("--epochs"), out var e) ? e : new TrainingOptions().Epochs,
                PruneBelow = float.TryParse(Option("--prune"), System.Globalization.CultureInfo.InvariantCulture, out var p) ? p : new TrainingOptions().PruneBelow,
                Stacked = !args.Contains("--no-stack"),
                IncludeNcbiDiseaseNames = args.Contains("--ncbi"),
                Ensemble = int.TryParse(Option("--ensemble"), out var en) ? en : 1,
                Log = Console.Out,
            });
            Console.WriteLine(summary.ToText());
            break;
        case "eval":
            Pipeline.Tagging.Model.MentionResolver.Options.DropUndefinedShortForms = !args.Contains("--keep-undefined");
            Pipeline.Tagging.Model.MentionResolver.Options.PropagateMentions = !args.Contains("--no-propagate");
            Pipeline.Tagging.Model.MentionResolver.Options.CuratedFallback = !args.Contains("--no-curated");
            var model = Option("--model");
            var tagger = model is null ? EntityTagger.LoadDefault() : EntityTagger.Load(model);
            var path = Option("--pubtator") ?? Path.Combine(data, "bc5cdr", "CDR_DevelopmentSet.PubTator.txt");
            var report = TaggerEvaluation.EvaluatePubTator(tagger, path, int.TryParse(Option("--limit"), out var l) ? l : null);
            Console.WriteLine(report.ToText());
            break;
        case "tag":
            var t = Option("--model") is { } tm ? EntityTagger.Load(tm) : EntityTagger.LoadDefault();
            foreach (var entity in t.Tag(File.ReadAllText(args[1])))
            {
                Console.WriteLine($"{entity.Start,6} {entity.End,6} {entity.Type,-12} {entity.Text} => {entity.Canonical} {entity.Id}");
            }

            break;
        case "errors":
            ErrorDump.Run(Option("--model") is { } em ? EntityTagger.Load(em) : EntityTagger.LoadDefault(), Path.Combine(data, "bc5cdr", "CDR_DevelopmentSet.PubTator.txt"));
            break;
        case "profile":
            Profile.Run(Path.Combine(data, "bc5cdr", "CDR_DevelopmentSet.PubTator.txt"));
            break;
        case "load":
            var clock = Stopwatch.StartNew();
            var loaded = Option("--model") is { } m ? EntityTagger.Load(m) : EntityTagger.LoadDefault();
            Console.WriteLine($"loaded in {clock.ElapsedMilliseconds} ms: {loaded.Description}");
            break;
    }

    Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MB");
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(TaggingBenchmarks).Assembly).Run(args);
