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
        var scored = Score(tagger, [.. documents.Select(d => (d.Text, d.Mentions.Select(m => (m.Start, m.End, m.Type))))], EvaluatedTypes);
        return new EvaluationReport(Path.GetFileName(pubtatorPath), tagger.Description, documents.Count, scored.Tokens, scored.Elapsed, scored.Types, scored.Micro);
    }

    private static readonly string[] NameTypes = [EntityTypes.Person, EntityTypes.Organization, EntityTypes.Location];

    /// <summary>The held-out test splits under <c>ner-general/</c> (relative paths), the sets <see cref="EvaluateConll"/> reports on.</summary>
    public static IReadOnlyList<string> NerGeneralTestFiles => General.NameTraining.TestFiles;

    /// <summary>The development splits under <c>ner-general/</c> (relative paths).</summary>
    public static IReadOnlyList<string> NerGeneralDevelopmentFiles => General.NameTraining.DevelopmentFiles;

    /// <summary>
    /// Tags every document of a token/IOB2 file (rebuilt as running text) and counts exact span-and-type matches
    /// of Person, Organization and Location (gold MISC is ignored). Also counts Chemical and Disease entities that
    /// overlap a gold name (<see cref="EvaluationReport.BiomedicalOnNames"/>).
    /// </summary>
    public static EvaluationReport EvaluateConll(EntityTagger tagger, string conllPath, int? limit = null)
    {
        ArgumentNullException.ThrowIfNull(tagger);
        ArgumentNullException.ThrowIfNull(conllPath);
        var documents = General.ConllReader.Read(conllPath);
        if (limit is { } l)
        {
            documents = [.. documents.Take(l)];
        }

        var scored = Score(
            tagger,
            [.. documents.Select(d => (d.Text, d.Names.Where(n => n.Type != General.NameType.Misc).Select(n => (n.Start, n.End, General.NameResolver.TypeName(n.Type)))))],
            NameTypes);
        var source = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(conllPath))) + "/" + Path.GetFileName(conllPath);
        return new EvaluationReport(source, tagger.Description, documents.Count, scored.Tokens, scored.Elapsed, scored.Types, scored.Micro) { BiomedicalOnNames = scored.BiomedicalOnOthers };
    }

    /// <summary>
    /// Tags each text (timed after a warm-up of the first 20, so the speed figure is steady-state tagging) and counts
    /// exact span-and-type matches of <paramref name="types"/>; also counts Chemical and Disease entities, when they are
    /// not among <paramref name="types"/>, that overlap a gold mention.
    /// </summary>
    private static (List<TypeScore> Types, TypeScore Micro, long Tokens, TimeSpan Elapsed, int BiomedicalOnOthers) Score(
        EntityTagger tagger, IReadOnlyList<(string Text, IEnumerable<(int Start, int End, string Type)> Gold)> documents, string[] types)
    {
        var counts = types.ToDictionary(t => t, _ => new int[3]);
        long tokens = 0;
        var biomedicalOnOthers = 0;
        var buffer = new TokenBuffer(1024);
        var clock = new Stopwatch();
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
            var gold = new HashSet<(int, int, string)>(d.Gold);
            var predicted = new HashSet<(int, int, string)>();
            foreach (var e in entities)
            {
                if (counts.ContainsKey(e.Type))
                {
                    predicted.Add((e.Start, e.End, e.Type));
                }
                else if (e.Type is EntityTypes.Chemical or EntityTypes.Disease && gold.Any(g => g.Item1 < e.End && e.Start < g.Item2))
                {
                    biomedicalOnOthers++;
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

        var scores = types.Select(t => new TypeScore(t, counts[t][0], counts[t][1], counts[t][2])).ToList();
        var micro = new TypeScore("micro", scores.Sum(t => t.TruePositives), scores.Sum(t => t.FalsePositives), scores.Sum(t => t.FalseNegatives));
        return (scores, micro, tokens, clock.Elapsed, biomedicalOnOthers);
    }
}
