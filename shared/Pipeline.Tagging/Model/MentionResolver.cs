using System.Globalization;
using System.Text;
using Pipeline.Tagging.Lexicons;
using Pipeline.Tagging.Text;

namespace Pipeline.Tagging.Model;

/// <summary>
/// Turns token labels into chemical and disease candidates: canonical names and ids from the lexicon, and short
/// forms defined in the text take their long form's type and name everywhere in the document.
/// </summary>
internal static class MentionResolver
{
    public static void Resolve(Lexicon lexicon, AnalyzedText doc, ReadOnlySpan<int> labels, List<(int Start, int End, LexiconType Type)> mentions, List<Candidate> output)
    {
        mentions.Clear();
        for (var i = 0; i < doc.Count; i++)
        {
            var l = labels[i];
            if (Labels.IsUnit(l))
            {
                mentions.Add((i, i + 1, Labels.TypeOf(l)));
            }
            else if (Labels.IsBegin(l))
            {
                var j = i + 1;
                while (j < doc.Count && !Labels.IsLast(labels[j]))
                {
                    j++;
                }

                mentions.Add((i, Math.Min(j + 1, doc.Count), Labels.TypeOf(l)));
                i = j;
            }
        }

        Dictionary<ulong, (LexiconType Type, string Canonical, string? Id)>? shortForms = null;
        foreach (var d in doc.Abbreviations)
        {
            if (d.ShortEnd - d.ShortStart != 1)
            {
                continue;
            }

            foreach (var m in mentions)
            {
                if (m.End == d.LongEnd && m.Start >= d.LongStart)
                {
                    var (canonical, id) = Canonicalize(lexicon, doc, m.Start, m.End, m.Type);
                    shortForms ??= [];
                    shortForms.TryAdd(doc.Words[d.ShortStart], (m.Type, canonical, id));
                    break;
                }
            }
        }

        var tokens = doc.Tokens;
        foreach (var m in mentions)
        {
            string canonical;
            string? id;
            var type = m.Type;
            if (shortForms is not null && m.End - m.Start == 1 && shortForms.TryGetValue(doc.Words[m.Start], out var sf))
            {
                (type, canonical, id) = sf;
            }
            else
            {
                (canonical, id) = Canonicalize(lexicon, doc, m.Start, m.End, m.Type);
            }

            output.Add(new Candidate(tokens[m.Start].Start, tokens[m.End - 1].End, Name(type), 50, canonical, id));
        }

        if (shortForms is null)
        {
            return;
        }

        // Short forms the model missed: tag them when they stand alone (not inside a longer word run).
        for (var i = 0; i < doc.Count; i++)
        {
            if (shortForms.TryGetValue(doc.Words[i], out var sf) && labels[i] == Labels.Outside && tokens[i].Kind == TokenKind.Word)
            {
                output.Add(new Candidate(tokens[i].Start, tokens[i].End, Name(sf.Type), 49, sf.Canonical, sf.Id));
            }
        }
    }

    public static (string Canonical, string? Id) Canonicalize(Lexicon lexicon, AnalyzedText doc, int start, int end, LexiconType type)
    {
        var words = doc.Words.AsSpan(start, end - start);
        var entry = lexicon.Exact(words, type);
        if (entry < 0)
        {
            // Plural or possessive forms: "opioids", "NSAIDs".
            var last = doc.Tokens[end - 1];
            var text = doc.Text.AsSpan(last.Start, last.Length);
            if (text.Length > 3 && (text[^1] == 's' || text[^1] == 'S'))
            {
                Span<ulong> copy = words.Length <= 16 ? stackalloc ulong[words.Length] : new ulong[words.Length];
                words.CopyTo(copy);
                copy[^1] = TextHash.Normalized(text[..^1]);
                entry = lexicon.Exact(copy, type);
            }
        }

        if (entry >= 0)
        {
            var e = lexicon[entry];
            return (e.Canonical, e.Id);
        }

        return (NormalizeSurface(doc.Text.AsSpan(doc.Tokens[start].Start, doc.Tokens[end - 1].End - doc.Tokens[start].Start)), null);
    }

    public static string Name(LexiconType type) => type == LexiconType.Chemical ? EntityTypes.Chemical : EntityTypes.Disease;

    /// <summary>Lower case, single spaces, straight apostrophes.</summary>
    public static string NormalizeSurface(ReadOnlySpan<char> text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(TextHash.Normalize(c));
        }

        return sb.ToString().ToLower(CultureInfo.InvariantCulture);
    }
}
