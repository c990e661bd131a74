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
    /// <summary>Switches for measuring each document-level step (internal: for evaluation runs only).</summary>
    internal static class Options
    {
        public static bool DropUndefinedShortForms { get; set; } = true;

        public static bool PropagateMentions { get; set; } = true;

        public static bool CuratedFallback { get; set; } = true;
    }

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
        HashSet<ulong>? undefined = null;
        foreach (var d in doc.Abbreviations)
        {
            if (d.ShortEnd - d.ShortStart != 1)
            {
                continue;
            }

            var found = false;
            foreach (var m in MentionsEndingAt(mentions, d.LongEnd))
            {
                if (m.Start >= d.LongStart)
                {
                    // The whole long form names the concept when the vocabulary knows it, even if the model
                    // tagged only its tail ("Regional Pain Syndrome" of "Complex Regional Pain Syndrome").
                    var (canonical, id) = Canonicalize(lexicon, doc, m.Start, m.End, m.Type);
                    if (m.Start > d.LongStart && lexicon.Exact(doc.Words.AsSpan(d.LongStart, d.LongEnd - d.LongStart), m.Type) is var full and >= 0)
                    {
                        (canonical, id) = (lexicon[full].Canonical, lexicon[full].Id);
                    }

                    shortForms ??= [];
                    shortForms.TryAdd(doc.Words[d.ShortStart], (m.Type, canonical, id));
                    found = true;
                    break;
                }
            }

            // "hormone therapy (HT)": the long form is no entity, so neither is the short form anywhere.
            if (!found && Options.DropUndefinedShortForms)
            {
                undefined ??= [];
                undefined.Add(doc.Words[d.ShortStart]);
            }
        }

        var tokens = doc.Tokens;
        var covered = doc.Covered;
        Array.Clear(covered, 0, doc.Count);
        Dictionary<ulong, (LexiconType Type, int Length, string Canonical, string? Id, bool Evidence)>? seen = null;
        foreach (var m in mentions)
        {
            string canonical;
            string? id;
            var type = m.Type;
            var evidence = false;
            if (m.End - m.Start == 1 && shortForms is not null && shortForms.TryGetValue(doc.Words[m.Start], out var sf))
            {
                (type, canonical, id) = sf;
                evidence = true;
            }
            else if (m.End - m.Start == 1 && undefined is not null && undefined.Contains(doc.Words[m.Start]))
            {
                continue;
            }
            else
            {
                (canonical, id) = Canonicalize(lexicon, doc, m.Start, m.End, m.Type);
            }

            for (var k = m.Start; k < m.End; k++)
            {
                covered[k] = true;
            }

            evidence |= id is not null || IsSeen(doc, m.Start, m.End, type);
            if (Options.PropagateMentions)
            {
                seen ??= [];
                seen.TryAdd(SequenceKey(doc, m.Start, m.End), (type, m.End - m.Start, canonical, id, evidence));
            }

            output.Add(new Candidate(tokens[m.Start].Start, tokens[m.End - 1].End, Name(type), 50, canonical, id, evidence));
        }

        // Short forms the model missed: tag them when they stand alone (not inside a longer word run).
        if (shortForms is not null)
        {
            for (var i = 0; i < doc.Count; i++)
            {
                if (!covered[i] && tokens[i].Kind == TokenKind.Word && shortForms.TryGetValue(doc.Words[i], out var sf))
                {
                    covered[i] = true;
                    output.Add(new Candidate(tokens[i].Start, tokens[i].End, Name(sf.Type), 49, sf.Canonical, sf.Id, true));
                }
            }
        }

        // A name tagged once in a document is the same kind of thing wherever else it occurs there.
        if (seen is not null)
        {
            Propagate(doc, seen, covered, output);
        }

        if (Options.CuratedFallback)
        {
            AddCurated(lexicon, doc, covered, output);
        }
    }

    /// <summary>
    /// Everyday health names ("fibro fog", "addiction") that the model, trained on abstracts, may not know:
    /// tagged where nothing else was, with the vocabulary's canonical name.
    /// </summary>
    private static void AddCurated(Lexicon lexicon, AnalyzedText doc, bool[] covered, List<Candidate> output)
    {
        var curated = LayTerms.Curated;
        var words = doc.Words.AsSpan(0, doc.Count);
        var tokens = doc.Tokens;
        for (var i = 0; i < doc.Count; i++)
        {
            if (covered[i] || tokens[i].Kind != TokenKind.Word)
            {
                continue;
            }

            var (chemEnd, _, disEnd, _) = curated.Longest(words, i);
            var end = Math.Max(chemEnd, disEnd);
            if (end <= i || (end < doc.Count && !tokens[end].SpaceBefore && tokens[end].Kind == TokenKind.Word))
            {
                continue;
            }

            var free = true;
            for (var k = i; k < end && free; k++)
            {
                free = !covered[k];
            }

            if (!free)
            {
                continue;
            }

            // Chemical names in the curated list ("opioids", "NMDA") are often only part of a longer name.
            if (disEnd <= i)
            {
                continue;
            }

            end = disEnd;
            var type = LexiconType.Disease;
            var (canonical, id) = Canonicalize(lexicon, doc, i, end, type);
            output.Add(new Candidate(tokens[i].Start, tokens[end - 1].End, Name(type), 47, canonical, id, true));
            for (var k = i; k < end; k++)
            {
                covered[k] = true;
            }

            i = end - 1;
        }
    }

    private static void Propagate(AnalyzedText doc, Dictionary<ulong, (LexiconType Type, int Length, string Canonical, string? Id, bool Evidence)> seen, bool[] covered, List<Candidate> output)
    {
        var maxLength = 0;
        foreach (var v in seen.Values)
        {
            maxLength = Math.Max(maxLength, v.Length);
        }

        var tokens = doc.Tokens;
        for (var i = 0; i < doc.Count; i++)
        {
            if (covered[i] || tokens[i].Kind != TokenKind.Word)
            {
                continue;
            }

            var h = SequenceSeed;
            for (var len = 1; len <= maxLength && i + len <= doc.Count && !covered[i + len - 1]; len++)
            {
                h = TextHash.Mix(h, doc.Words[i + len - 1]);
                if (seen.TryGetValue(h, out var v) && v.Length == len && tokens[i + len - 1].Kind == TokenKind.Word)
                {
                    for (var k = i; k < i + len; k++)
                    {
                        covered[k] = true;
                    }

                    output.Add(new Candidate(tokens[i].Start, tokens[i + len - 1].End, Name(v.Type), 48, v.Canonical, v.Id, v.Evidence));
                    i += len - 1;
                    break;
                }
            }
        }
    }

    private const ulong SequenceSeed = 0x7A3C5E1FUL;

    /// <summary>Whether the names annotated in the training data hold exactly this span as the type.</summary>
    private static bool IsSeen(AnalyzedText doc, int start, int end, LexiconType type)
    {
        var marks = type == LexiconType.Chemical ? doc.SeenChemical : doc.SeenDisease;
        return end - start == 1
            ? marks[start] == LexiconMatch.Unit
            : marks[start] == LexiconMatch.Begin && marks[end - 1] == LexiconMatch.Last;
    }

    /// <summary>Mentions are in token order, so the one ending at a token is found by binary search.</summary>
    private static IEnumerable<(int Start, int End, LexiconType Type)> MentionsEndingAt(List<(int Start, int End, LexiconType Type)> mentions, int end)
    {
        var lo = 0;
        var hi = mentions.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (mentions[mid].End < end)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        for (var k = lo; k < mentions.Count && mentions[k].End == end; k++)
        {
            yield return mentions[k];
        }
    }

    private static ulong SequenceKey(AnalyzedText doc, int start, int end)
    {
        var h = SequenceSeed;
        for (var k = start; k < end; k++)
        {
            h = TextHash.Mix(h, doc.Words[k]);
        }

        return h;
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

        return (Singular(NormalizeSurface(doc.Text.AsSpan(doc.Tokens[start].Start, doc.Tokens[end - 1].End - doc.Tokens[start].Start))), null);
    }

    /// <summary>
    /// The canonical key of a name no vocabulary knows takes its last word in the singular, so "antidepressants"
    /// and "antidepressant" are one facet ("therapies" → "therapy"); words whose -s is not a plural are kept.
    /// </summary>
    public static string Singular(string canonical)
    {
        var space = canonical.LastIndexOf(' ');
        var word = canonical.AsSpan(space + 1);
        if (word.Length < 5 || word[^1] != 's' || !char.IsLetter(word[^2]) || NotPlural(word))
        {
            return canonical;
        }

        var head = canonical[..(space + 1)];
        return word.EndsWith("ies") && word.Length > 5 ? head + string.Concat(word[..^3], "y")
            : word.EndsWith("sses") || word.EndsWith("xes") || word.EndsWith("ches") || word.EndsWith("shes") ? head + word[..^2].ToString()
            : head + word[..^1].ToString();
    }

    private static bool NotPlural(ReadOnlySpan<char> word) =>
        word.EndsWith("ss") || word.EndsWith("us") || word.EndsWith("is") || word.EndsWith("ics") || word.EndsWith("ies") && word.Length <= 6 ||
        word.EndsWith("betes") || word.EndsWith("pes") || word.EndsWith("sles") || word.EndsWith("ssis") || word.EndsWith("ous") || word.EndsWith("as");

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
