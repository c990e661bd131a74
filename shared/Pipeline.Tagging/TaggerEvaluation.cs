using System.Diagnostics;
using Pipeline.Tagging.Evaluation;
using Pipeline.Tagging.Text;

namespace Pipeline.Tagging;

/// <summary>Strict mention-level evaluation of chemicals and diseases against a PubTator file.</summary>
public static class TaggerEvaluation
{
    private static readonly string[] EvaluatedTypes = [EntityTypes.Chemical, EntityTypes.Disease];

    /// <summary>
    /// Tags every document of <paramref name="pubtatorPath"/> (the first <paramref name="limit"/> when given) and
    /// counts exact span-and-type matches of Chemical and Disease mentions.
    /// </summary>
    public static EvaluationReport EvaluatePubTator(EntityTagger tagger, string pubtatorPath, int? limit = null)
    {
        ArgumentNullException.ThrowIfNull(tagger);
        ArgumentNullException.ThrowIfNull(pubtatorPath);
        var documents = PubTatorReader.Read(pubtatorPath, limit);
        var counts = EvaluatedTypes.ToDictionary(t => t, _ => new int[3]);
        long tokens = 0;
        var buffer = new TokenBuffer(1024);
        var clock = new Stopwatch();

        // Warm up (JIT, lazy tables) so the speed figure reflects steady-state tagging.
        foreach (var d in documents.Take(20))
        {
            tagger.Tag(d.Text);
        }

        foreach (var d in documents)
        {
            clock.Start();
            var entities = tagger.Tag(d.Text);
            clock.Stop();
            Tokenizer.Tokenize(d.Text, ref buffer);
            tokens += buffer.Count;

            var gold = new HashSet<(int, int, string)>();
            foreach (var m in d.Mentions)
            {
                gold.Add((m.Start, m.End, m.Type));
            }

            var predicted = new HashSet<(int, int, string)>();
            foreach (var e in entities)
            {
                if (counts.ContainsKey(e.Type))
                {
                    predicted.Add((e.Start, e.End, e.Type));
                }
            }

            foreach (var p in predicted)
            {
                counts[p.Item3][gold.Contains(p) ? 0 : 1]++;
            }

            foreach (var g in gold)
            {
                if (!predicted.Contains(g))
                {
                    counts[g.Item3][2]++;
                }
            }
        }

        var types = EvaluatedTypes.Select(t => new TypeScore(t, counts[t][0], counts[t][1], counts[t][2])).ToList();
        var micro = new TypeScore("micro", types.Sum(t => t.TruePositives), types.Sum(t => t.FalsePositives), types.Sum(t => t.FalseNegatives));
        return new EvaluationReport(Path.GetFileName(pubtatorPath), tagger.Description, documents.Count, tokens, clock.Elapsed, types, micro);
    }
}
