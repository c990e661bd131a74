using System.Globalization;
using Pipeline.Tagging.Evaluation;
using Pipeline.Tagging.Lexicons;

namespace Pipeline.Tagging.Training;

/// <summary>Builds a lexicon of the chemical and disease names annotated in training documents.</summary>
internal static class SeenMentions
{
    public static Lexicon Build(IEnumerable<PubTatorDocument> documents, IReadOnlyList<string>? extraDiseases = null)
    {
        var lexicon = new Lexicon();
        var entries = new Dictionary<(LexiconType, string), int>();
        foreach (var term in extraDiseases ?? [])
        {
            var key = (LexiconType.Disease, term.ToLower(CultureInfo.InvariantCulture));
            if (!entries.ContainsKey(key))
            {
                entries[key] = lexicon.AddEntry(new LexiconEntry(LexiconType.Disease, key.Item2, null));
                lexicon.AddTerm(term, entries[key]);
            }
        }

        foreach (var d in documents)
        {
            foreach (var m in d.Mentions)
            {
                var type = m.Type == EntityTypes.Chemical ? LexiconType.Chemical : LexiconType.Disease;
                var term = d.Text[m.Start..m.End];
                var key = (type, term.ToLower(CultureInfo.InvariantCulture));
                if (!entries.TryGetValue(key, out var entry))
                {
                    entry = lexicon.AddEntry(new LexiconEntry(type, key.Item2, null));
                    entries[key] = entry;
                    lexicon.AddTerm(term, entry);
                }
            }
        }

        return lexicon;
    }

    /// <summary>Disease names annotated in token/BIO files (the NCBI disease corpus), tokens joined by spaces.</summary>
    public static List<string> ReadBioDiseases(string path)
    {
        var names = new List<string>();
        var current = new List<string>();
        foreach (var line in File.ReadLines(path))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            var tag = tab < 0 ? "O" : line[(tab + 1)..];
            if (tag.StartsWith("I-", StringComparison.Ordinal) && current.Count > 0)
            {
                current.Add(line[..tab]);
                continue;
            }

            if (current.Count > 0)
            {
                names.Add(string.Join(' ', current));
                current.Clear();
            }

            if (tag.StartsWith("B-", StringComparison.Ordinal))
            {
                current.Add(line[..tab]);
            }
        }

        if (current.Count > 0)
        {
            names.Add(string.Join(' ', current));
        }

        return names;
    }
}
