using System.CommandLine;
using System.Globalization;
using Pipeline.Cleaning;
using Pipeline.Cleaning.Evaluation;
using Pipeline.Cleaning.Training;
using Pipeline.Tagging;

namespace Pipeline.Cli;

/// <summary><c>pipeline eval clean|tag</c>: measure cleaning and tagging quality on the development data.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var command = new Command("eval", "Measure quality on development data.");
        command.Subcommands.Add(Clean());
        command.Subcommands.Add(Tag());
        return command;
    }

    private static Command Clean()
    {
        var dataset = new Option<string>("--dataset") { Description = "The WCXB folder (html/, ground-truth/).", Required = true };
        var limit = new Option<int?>("--limit") { Description = "Evaluate at most this many pages." };
        var stride = new Option<int>("--stride") { Description = "Take every Nth page (a fixed subset).", DefaultValueFactory = _ => 1 };
        var pages = new Option<string?>("--pages") { Description = "Also write each page's scores to this TSV file (id, type, P, R, F1, labelled author, found author)." };
        var asText = new Option<string?>("--as-text") { Description = "Render each page to plain text first (own, lynx, w3m, html2text) and clean the text dump; also reports keeping the whole dump." };
        asText.AcceptOnlyFromAmong([.. TextRenderer.Names]);
        var heldOut = new Option<bool>("--held-out") { Description = "Score only the pages the line model was not trained on (about one in five, by a hash of the id)." };
        var cache = new Option<string>("--cache") { Description = "Where the Debian renderers' dumps are cached for --as-text.", DefaultValueFactory = _ => TextRenderer.DefaultCacheDirectory };
        var rulesOnly = new Option<bool>("--rules-only") { Description = "Clean text dumps with the rules alone, without the learned line model (to compare)." };
        var lineModel = new Option<string?>("--line-model") { Description = "A line model file from train-cleaner to use instead of the shipped one." };
        var command = new Command("clean", "Word-level P/R/F1 per page type, title accuracy, boilerplate leakage, authors and pages/s.") { dataset, limit, stride, pages, asText, heldOut, cache, rulesOnly, lineModel };
        command.SetAction((parse, cancellationToken) =>
        {
            var path = parse.GetValue(dataset)!;
            if (!Directory.Exists(path))
            {
                Console.Error.WriteLine($"No such dataset folder: {path}");
                return Task.FromResult(2);
            }

            var renderer = parse.GetValue(asText) is { } name ? TextRenderer.Create(name).WithCache(parse.GetValue(cache)!) : null;
            var modelFile = parse.GetValue(lineModel);
            if (modelFile is not null && !File.Exists(modelFile))
            {
                Console.Error.WriteLine($"No such line model file: {modelFile}");
                return Task.FromResult(2);
            }

            var cleaner = new DocumentCleaner(new CleaningOptions { TextLineModel = !parse.GetValue(rulesOnly), TextLineModelFile = modelFile });
            var report = CleaningEvaluation.RunWcxb(
                path, parse.GetValue(limit), parse.GetValue(stride), cleaner, cancellationToken, renderer, parse.GetValue(heldOut) ? LineModelSplit.IsHeldOut : null);
            Console.WriteLine(report.ToText());
            if (parse.GetValue(pages) is { } tsv)
            {
                File.WriteAllLines(tsv, report.Pages.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Id}\t{p.PageType}\t{p.Precision:F4}\t{p.Recall:F4}\t{p.F1:F4}\t{Cell(p.ExpectedAuthor)}\t{Cell(p.Author)}")));
            }

            return Task.FromResult(0);
        });
        return command;
    }

    private static string Cell(string? value) => value is null ? string.Empty : value.ReplaceLineEndings(" ").Replace('\t', ' ');

    private static Command Tag()
    {
        var pubtator = new Option<string?>("--pubtator") { Description = "A PubTator file with Chemical and Disease mentions." };
        var nerGeneral = new Option<string?>("--ner-general") { Description = "The ner-general folder: Person/Organization/Location per test split and overall." };
        var development = new Option<bool>("--dev") { Description = "With --ner-general: the development splits instead of the test splits." };
        var model = new Option<string?>("--model") { Description = "A biomedical model file (default: the shipped model)." };
        var namesModel = new Option<string?>("--names") { Description = "A general-domain names model file (default: the shipped one)." };
        var limit = new Option<int?>("--limit") { Description = "Evaluate at most this many documents (per file)." };
        var command = new Command("tag", "Strict mention-level P/R/F1 (Chemical and Disease on PubTator, Person/Organization/Location on ner-general), and tokens/s.")
        {
            pubtator, nerGeneral, development, model, namesModel, limit,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var path = parse.GetValue(pubtator);
            var folder = parse.GetValue(nerGeneral);
            if ((path is null) == (folder is null))
            {
                Console.Error.WriteLine("Give one of --pubtator FILE or --ner-general DIR.");
                return Task.FromResult(2);
            }

            if (path is not null ? !File.Exists(path) : !Directory.Exists(folder))
            {
                Console.Error.WriteLine($"No such {(path is not null ? "file" : "folder")}: {path ?? folder}");
                return Task.FromResult(2);
            }

            var modelPath = parse.GetValue(model);
            var names = parse.GetValue(namesModel);
            var tagger = EntityTagger.Load(modelPath, names);
            if (path is not null)
            {
                Console.WriteLine(TaggerEvaluation.EvaluatePubTator(tagger, path, parse.GetValue(limit)).ToText());
                return Task.FromResult(0);
            }

            var files = parse.GetValue(development) ? TaggerEvaluation.NerGeneralDevelopmentFiles : TaggerEvaluation.NerGeneralTestFiles;
            var reports = new List<EvaluationReport>();
            foreach (var file in files)
            {
                var report = TaggerEvaluation.EvaluateConll(tagger, Path.Combine(folder!, file), parse.GetValue(limit));
                reports.Add(report);
                Console.WriteLine(report.ToText());
            }

            Console.WriteLine(EvaluationReport.Combine("all (micro over the sets)", reports).ToText());
            return Task.FromResult(0);
        });
        return command;
    }
}
