using Pipeline.Tagging.Evaluation;

namespace Pipeline.Tagging.Benchmarks;

/// <summary>Prints false positives and false negatives with context, for error analysis on the development set.</summary>
internal static class ErrorDump
{
    public static void Run(EntityTagger tagger, string path)
    {
        foreach (var d in PubTatorReader.Read(path))
        {
            var gold = d.Mentions.Select(m => (m.Start, m.End, m.Type)).ToHashSet();
            var predicted = tagger.Tag(d.Text).Where(e => e.Type is EntityTypes.Chemical or EntityTypes.Disease).Select(e => (e.Start, e.End, e.Type)).ToHashSet();
            foreach (var p in predicted.Except(gold))
            {
                Console.WriteLine($"FP {p.Type,-8} {d.Id} {p.Start} {p.End} [{d.Text[p.Start..p.End]}]  ...{Context(d.Text, p.Start, p.End)}");
            }

            foreach (var g in gold.Except(predicted))
            {
                Console.WriteLine($"FN {g.Type,-8} {d.Id} {g.Start} {g.End} [{d.Text[g.Start..g.End]}]  ...{Context(d.Text, g.Start, g.End)}");
            }
        }
    }

    private static string Context(string text, int start, int end)
    {
        var a = Math.Max(0, start - 40);
        var b = Math.Min(text.Length, end + 40);
        return text[a..start].Replace('\n', ' ') + "<<" + text[start..end] + ">>" + text[end..b].Replace('\n', ' ');
    }
}
