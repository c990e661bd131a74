using System.Diagnostics;
using Pipeline.Tagging.Evaluation;
using Pipeline.Tagging.Model;
using Pipeline.Tagging.Rules;

namespace Pipeline.Tagging.Benchmarks;

/// <summary>Rough per-stage timings of the tagging pipeline (three passes over the development set, last one timed).</summary>
internal static class Profile
{
    public static void Run(string path, Pipeline.Tagging.General.NameModel? nameModel = null, bool withNames = true) =>
        Run(PubTatorReader.Read(path).Select(d => d.Text).ToArray(), nameModel, withNames);

    public static void Run(string[] texts, Pipeline.Tagging.General.NameModel? nameModel = null, bool withNames = true)
    {
        var tagger = EntityTagger.LoadDefault();
        nameModel ??= withNames ? tagger.Names : null;
        var nameBuffers = new Pipeline.Tagging.General.NameBuffers();
        var names = new List<Candidate>();
        var model = tagger.Model;
        var doc = new AnalyzedText();
        var buffers = new DecodeBuffers();
        var labels = new int[100_000];
        var candidates = new List<Candidate>();
        var accepted = new List<Candidate>();
        var mentions = new List<(int, int, Lexicons.LexiconType)>();
        var clocks = new Stopwatch[8];
        for (var c = 0; c < clocks.Length; c++)
        {
            clocks[c] = new Stopwatch();
        }

        long tokens = 0;
        long allocated = 0;
        var cpu = TimeSpan.Zero;
        for (var pass = 0; pass < 3; pass++)
        {
            tokens = 0;
            var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
            allocated = GC.GetTotalAllocatedBytes(precise: true);
            foreach (var c in clocks)
            {
                c.Reset();
            }

            foreach (var text in texts)
            {
                clocks[0].Start();
                doc.Analyze(text, model.Lexicon, model.Seen);
                clocks[0].Stop();
                tokens += doc.Count;
                clocks[1].Start();
                SequenceTagger.Label(model, doc, buffers, labels.AsSpan(0, doc.Count));
                clocks[1].Stop();
                candidates.Clear();
                clocks[2].Start();
                MentionResolver.Resolve(model.Lexicon, doc, labels.AsSpan(0, doc.Count), mentions, candidates);
                clocks[2].Stop();
                if (nameModel is not null)
                {
                    clocks[6].Start();
                    Pipeline.Tagging.General.NameTagger.Label(nameModel, doc, nameBuffers);
                    clocks[6].Stop();
                    clocks[7].Start();
                    names.Clear();
                    Pipeline.Tagging.General.NameResolver.Resolve(doc, nameBuffers.Labels.AsSpan(0, doc.Count), names);
                    names.Sort((a, b) => a.Start.CompareTo(b.Start));
                    DomainMerge.Apply(text, candidates, names);
                    clocks[7].Stop();
                }

                clocks[3].Start();
                PatternRecognizer.Find(text, candidates);
                clocks[3].Stop();
                clocks[4].Start();
                NameRecognizer.Find(doc, candidates, rulesForNames: nameModel is null);
                clocks[4].Stop();
                clocks[5].Start();
                OverlapResolver.Resolve(candidates, accepted);
                clocks[5].Stop();
            }

            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuStart;
            allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        }

        string[] stages = ["analyze", "label", "resolve", "patterns", "names", "overlaps", "name model", "name merge"];
        for (var c = 0; c < clocks.Length; c++)
        {
            Console.WriteLine($"{stages[c],-10} {clocks[c].Elapsed.TotalMilliseconds,8:F1} ms");
        }

        Console.WriteLine($"{tokens} tokens, {tokens / clocks.Sum(c => c.Elapsed.TotalSeconds):F0} tokens/s wall, {tokens / cpu.TotalSeconds:F0} tokens/s of CPU time, {allocated / 1024.0 / 1024.0:F1} MB allocated");
    }
}
