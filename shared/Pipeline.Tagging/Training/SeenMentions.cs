using System.Globalization;
using Pipeline.Tagging.Evaluation;
using Pipeline.Tagging.Lexicons;

namespace Pipeline.Tagging.Training;

/// <summary>Builds a lexicon of the chemical and disease names annotated in training documents.</summary>
internal static class SeenMentions
{
    public static Lexicon Build(IEnumerable<PubTatorDocument> documents)
    {
        var lexicon = new Lexicon();
        var entries = new Dictionary<(LexiconType, string), int>();
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
}
