using System.Diagnostics;
using BenchmarkDotNet.Running;
using Pipeline.Tagging;
using Pipeline.Tagging.Benchmarks;

// Besides the benchmarks, two maintenance commands so the model can be rebuilt without the CLI:
//   train [--include-dev] [--out FILE] [--epochs N]      eval [--model FILE] [--limit N] [--pubtator FILE]
if (args.Length > 0 && args[0] is "train" or "eval" or "load" or "tag" or "errors" or "profile" or "train-names" or "eval-names" or "errors-names" or "merge-losses")
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
        case "train-names":
            Console.WriteLine(TaggerTraining.TrainNames(new TrainingOptions
            {
                DataDirectory = data,
                OutputPath = Option("--out") ?? "names.model",
                IncludeDevelopment = args.Contains("--include-dev"),
                Epochs = int.TryParse(Option("--epochs"), out var ne) ? ne : 10,
                PruneBelow = float.TryParse(Option("--prune"), System.Globalization.CultureInfo.InvariantCulture, out var np) ? np : new TrainingOptions().PruneBelow,
                DocumentLimit = int.TryParse(Option("--limit"), out var nl) ? nl : null,
                Log = Console.Out,
            }).ToText());
            break;
        case "eval-names":
            Pipeline.Tagging.Rules.NameRecognizer.KeepRulesWithModel = args.Contains("--rules");
            Pipeline.Tagging.Model.DomainMerge.Enabled = !args.Contains("--no-merge");
            var bio = Option("--model") is { } bm ? EntityTagger.Load(bm) : EntityTagger.LoadDefault();
            var names = Option("--names");
            var nt = names is null ? bio : names == "none" ? bio.WithNames(null) : bio.WithNames(Pipeline.Tagging.General.NameModel.Read(File.OpenRead(names)));
            var files = args.Contains("--dev") ? TaggerEvaluation.NerGeneralDevelopmentFiles : TaggerEvaluation.NerGeneralTestFiles;
            var reports = files.Select(f => TaggerEvaluation.EvaluateConll(nt, Path.Combine(data, "ner-general", f))).ToList();
            foreach (var r in reports)
            {
                Console.WriteLine(r.ToText());
            }

            Console.WriteLine(EvaluationReport.Combine("all", reports).ToText());
            break;
        case "merge-losses":
            var withNames = Option("--model") is { } mm ? EntityTagger.Load(mm) : EntityTagger.LoadDefault();
            var without = withNames.WithNames(null);
            foreach (var d in Pipeline.Tagging.Evaluation.PubTatorReader.Read(Path.Combine(data, "bc5cdr", "CDR_DevelopmentSet.PubTator.txt")))
            {
                var gold = d.Mentions.Select(m => (m.Start, m.End, m.Type)).ToHashSet();
                var a = without.Tag(d.Text).Select(e => (e.Start, e.End, e.Type)).Where(gold.Contains).ToHashSet();
                var bEntities = withNames.Tag(d.Text);
                var b = bEntities.Select(e => (e.Start, e.End, e.Type)).ToHashSet();
                foreach (var lost in a.Where(x => !b.Contains(x)))
                {
                    var over = bEntities.Where(e => e.Start < lost.End && lost.Start < e.End).Select(e => $"{e.Type}:{e.Text}");
                    Console.WriteLine($"LOST {lost.Type,-9} {d.Text[lost.Start..lost.End]} -> {string.Join(", ", over)}");
                }
            }

            break;
        case "errors-names":
            var et = EntityTagger.LoadDefault().WithNames(Pipeline.Tagging.General.NameModel.Read(File.OpenRead(Option("--names")!)));
            foreach (var d in Pipeline.Tagging.General.ConllReader.Read(Path.Combine(data, "ner-general", Option("--file") ?? "uner_en_ewt/dev.conll")).Take(int.TryParse(Option("--limit"), out var el) ? el : 60))
            {
                var gold = d.Names.Where(n => n.Type != Pipeline.Tagging.General.NameType.Misc).Select(n => (n.Start, n.End, Pipeline.Tagging.General.NameResolver.TypeName(n.Type))).ToHashSet();
                var got = et.Tag(d.Text).Where(e => e.Type is "Person" or "Organization" or "Location").Select(e => (e.Start, e.End, e.Type)).ToHashSet();
                foreach (var b in et.Tag(d.Text).Where(e => e.Type is "Chemical" or "Disease" && d.Names.Any(n => n.Start < e.End && e.Start < n.End && n.Type != Pipeline.Tagging.General.NameType.Misc)))
                {
                    Console.WriteLine($"BIO {b.Type,-12} {b.Text}  | {d.Text[Math.Max(0, b.Start - 40)..Math.Min(d.Text.Length, b.End + 40)].ReplaceLineEndings(" ")}");
                }

                foreach (var g in gold.Except(got))
                {
                    Console.WriteLine($"FN {g.Item3,-12} {d.Text[g.Start..g.End]}  | {d.Text[Math.Max(0, g.Start - 40)..Math.Min(d.Text.Length, g.End + 40)].ReplaceLineEndings(" ")}");
                }

                foreach (var g in got.Except(gold))
                {
                    Console.WriteLine($"FP {g.Item3,-12} {d.Text[g.Start..g.End]}  | {d.Text[Math.Max(0, g.Start - 40)..Math.Min(d.Text.Length, g.End + 40)].ReplaceLineEndings(" ")}");
                }
            }

            break;
        case "eval":
            Pipeline.Tagging.Model.MentionResolver.Options.DropUndefinedShortForms = !args.Contains("--keep-undefined");
            Pipeline.Tagging.Model.MentionResolver.Options.PropagateMentions = !args.Contains("--no-propagate");
            Pipeline.Tagging.Model.MentionResolver.Options.CuratedFallback = !args.Contains("--no-curated");
            Pipeline.Tagging.Model.DomainMerge.Enabled = !args.Contains("--no-merge");
            Pipeline.Tagging.Model.DomainMerge.RequireEvidenceForNameShapes = !args.Contains("--no-name-shapes");
            var model = Option("--model");
            var tagger = model is null ? EntityTagger.LoadDefault() : EntityTagger.Load(model);
            if (args.Contains("--no-names"))
            {
                tagger = tagger.WithNames(null);
            }

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
            var profileNames = Option("--names") is { } pn ? Pipeline.Tagging.General.NameModel.Read(File.OpenRead(pn)) : null;
            if (args.Contains("--general"))
            {
                Profile.Run([.. TaggerEvaluation.NerGeneralDevelopmentFiles.SelectMany(f => Pipeline.Tagging.General.ConllReader.Read(Path.Combine(data, "ner-general", f))).Select(d => d.Text)], profileNames, !args.Contains("--no-names"));
            }
            else
            {
                Profile.Run(Path.Combine(data, "bc5cdr", "CDR_DevelopmentSet.PubTator.txt"), profileNames, !args.Contains("--no-names"));
            }
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
