using System.Text;
using Pipeline.Tagging.Model;
using Pipeline.Tagging.Text;

namespace Pipeline.Tagging.General;

/// <summary>
/// Turns the general model's token labels into Person, Organization and Location candidates (Misc is a
/// training type only), then applies document-level consistency: a name tagged once is tagged wherever it
/// recurs capitalised, a person's surname alone ("Obama" after "Barack Obama") is that person, and a short form
/// defined in the text ("World Health Organization (WHO)") is the long form's entity, with it as canonical name.
/// </summary>
internal static class NameResolver
{
    /// <summary>Priority of the model's names: above the rules' organisations (70), below publications and patterns.</summary>
    public const int ModelPriority = 72;

    public const int PropagatedPriority = 71;

    /// <summary>Names from a pattern ("City, ST"), certain enough to win over any chemical or disease.</summary>
    public const int PatternPriority = 73;

    private const ulong SequenceSeed = 0x6A09E667F3BCC909UL;
    private const int MaxNameTokens = 12;

    public static void Resolve(AnalyzedText doc, ReadOnlySpan<int> labels, List<Candidate> output)
    {
        var tokens = doc.Tokens;
        var text = doc.Text;
        var first = output.Count;
        Dictionary<ulong, (NameType Type, int Length, string Canonical)>? names = null;
        Dictionary<ulong, string?>? surnames = null;
        var covered = doc.Covered;
        Array.Clear(covered, 0, doc.Count);
        for (var i = 0; i < doc.Count; i++)
        {
            var l = labels[i];
            if (l == Labels.Outside)
            {
                continue;
            }

            var end = i + 1;
            if (LabelSet.IsBegin(l))
            {
                while (end < doc.Count && !LabelSet.IsLast(labels[end - 1]))
                {
                    end++;
                }
            }

            var type = (NameType)LabelSet.TypeOf(l);
            for (var k = i; k < end; k++)
            {
                covered[k] = true;
            }

            // A name starts with a word (not "@", a quote or a bracket) and is no handle or hashtag.
            if (type != NameType.Misc && end - i <= MaxNameTokens && tokens[i].Kind == TokenKind.Word && !NameTraining.IsHandle(text, tokens[i].Start))
            {
                var canonical = Surface(text, tokens[i].Start, tokens[end - 1].End);
                names ??= [];
                names.TryAdd(Key(doc, i, end), (type, end - i, canonical));
                output.Add(new Candidate(tokens[i].Start, tokens[end - 1].End, TypeName(type), ModelPriority, canonical, null));
                if (type == NameType.Person && end - i >= 2 && tokens[end - 1].Kind == TokenKind.Word && tokens[end - 1].Length > 2)
                {
                    surnames ??= [];
                    var surname = doc.Words[end - 1];
                    // Two people with one surname: the surname alone names neither.
                    surnames[surname] = surnames.TryGetValue(surname, out var other) && other != canonical ? null : canonical;
                }
            }

            i = end - 1;
        }

        if (names is null)
        {
            return;
        }

        // A single word that is the surname of a person named in full in the document is that person, whatever
        // the model made of it locally ("Goldstein" starting a sentence), canonically by the full name.
        if (surnames is not null)
        {
            for (var c = first; c < output.Count; c++)
            {
                var candidate = output[c];
                var name = candidate.Canonical!;
                if (name.Contains(' ', StringComparison.Ordinal))
                {
                    continue;
                }

                // "Goldstein's": the possessive is not part of the person's name.
                var possessive = name.Length > 3 && name[^1] is 's' && name[^2] is '\'' or '\u2019' ? 2 : 0;
                if (surnames.TryGetValue(TextHash.Normalized(name.AsSpan(0, name.Length - possessive)), out var full) && full is not null)
                {
                    output[c] = candidate with { End = candidate.End - possessive, Type = EntityTypes.Person, Canonical = full };
                }
            }
        }

        Propagate(doc, names, surnames, output);
        StateCodes(doc, output, first);
        ShortForms(doc, output, first);
    }

    /// <summary>Untagged capitalised recurrences of a tagged name (or of a person's surname) get the same entity.</summary>
    private static void Propagate(AnalyzedText doc, Dictionary<ulong, (NameType Type, int Length, string Canonical)> names, Dictionary<ulong, string?>? surnames, List<Candidate> output)
    {
        var tokens = doc.Tokens;
        var text = doc.Text;
        var covered = doc.Covered;
        var maxLength = 0;
        foreach (var v in names.Values)
        {
            maxLength = Math.Max(maxLength, v.Length);
        }

        for (var i = 0; i < doc.Count; i++)
        {
            if (covered[i] || tokens[i].Kind != TokenKind.Word || !char.IsUpper(text[tokens[i].Start]))
            {
                continue;
            }

            var h = SequenceSeed;
            var found = false;
            for (var len = 1; len <= maxLength && i + len <= doc.Count && !covered[i + len - 1]; len++)
            {
                h = TextHash.Mix(h, doc.Words[i + len - 1]);
                if (names.TryGetValue(h, out var v) && v.Length == len && tokens[i + len - 1].Kind == TokenKind.Word &&
                    (i + len == doc.Count || tokens[i + len].SpaceBefore || tokens[i + len].Kind == TokenKind.Symbol))
                {
                    Add(doc, i, i + len, v.Type, v.Canonical, output);
                    i += len - 1;
                    found = true;
                    break;
                }
            }

            if (!found && surnames is not null && surnames.TryGetValue(doc.Words[i], out var person) && person is not null)
            {
                Add(doc, i, i + 1, NameType.Person, person, output);
            }
        }
    }

    /// <summary>"World Health Organization (WHO)": every "WHO" is that organisation, canonically by its long form.</summary>
    private static void ShortForms(AnalyzedText doc, List<Candidate> output, int first)
    {
        if (doc.Abbreviations.Count == 0)
        {
            return;
        }

        var tokens = doc.Tokens;
        Dictionary<ulong, (string Type, string Canonical)>? shortForms = null;
        foreach (var d in doc.Abbreviations)
        {
            if (d.ShortEnd - d.ShortStart != 1)
            {
                continue;
            }

            var longStart = tokens[d.LongStart].Start;
            var longEnd = tokens[d.LongEnd - 1].End;
            for (var c = first; c < output.Count; c++)
            {
                var candidate = output[c];
                if (candidate.End == longEnd && candidate.Start >= longStart && candidate.Type is EntityTypes.Organization or EntityTypes.Location)
                {
                    shortForms ??= [];
                    shortForms.TryAdd(doc.Words[d.ShortStart], (candidate.Type, candidate.Canonical!));
                    break;
                }
            }
        }

        if (shortForms is null)
        {
            return;
        }

        for (var c = first; c < output.Count; c++)
        {
            var candidate = output[c];
            if (candidate.Canonical is { } name && !name.Contains(' ', StringComparison.Ordinal) && shortForms.TryGetValue(TextHash.Normalized(name), out var sf))
            {
                output[c] = candidate with { Type = sf.Type, Canonical = sf.Canonical };
            }
        }

        for (var i = 0; i < doc.Count; i++)
        {
            if (!doc.Covered[i] && tokens[i].Kind == TokenKind.Word && shortForms.TryGetValue(doc.Words[i], out var sf))
            {
                doc.Covered[i] = true;
                output.Add(new Candidate(tokens[i].Start, tokens[i].End, sf.Type, PropagatedPriority, sf.Canonical, null));
            }
        }
    }

    /// <summary>"Boca Raton, FL": a postal state code after a place and a comma is a place too.</summary>
    private static void StateCodes(AnalyzedText doc, List<Candidate> output, int first)
    {
        var tokens = doc.Tokens;
        var text = doc.Text;
        var count = output.Count;
        var lookup = Rules.Gazetteers.StateCodes.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var c = first; c < count; c++)
        {
            if (output[c].Type != EntityTypes.Location)
            {
                continue;
            }

            var i = IndexAfter(tokens, output[c].End);
            if (i + 1 < doc.Count && text[tokens[i].Start] == ',' && tokens[i].Length == 1 && !doc.Covered[i + 1] &&
                tokens[i + 1].Length == 2 && lookup.Contains(text.AsSpan(tokens[i + 1].Start, 2)) &&
                (i + 2 == doc.Count || tokens[i + 2].SpaceBefore || tokens[i + 2].Kind == TokenKind.Symbol))
            {
                doc.Covered[i + 1] = true;
                output.Add(new Candidate(tokens[i + 1].Start, tokens[i + 1].End, EntityTypes.Location, PatternPriority, text.Substring(tokens[i + 1].Start, 2), null));
            }
        }
    }

    /// <summary>The index of the first token starting at or after a character offset.</summary>
    private static int IndexAfter(ReadOnlySpan<Token> tokens, int offset)
    {
        var lo = 0;
        var hi = tokens.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (tokens[mid].Start < offset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static void Add(AnalyzedText doc, int start, int end, NameType type, string canonical, List<Candidate> output)
    {
        for (var k = start; k < end; k++)
        {
            doc.Covered[k] = true;
        }

        output.Add(new Candidate(doc.Tokens[start].Start, doc.Tokens[end - 1].End, TypeName(type), PropagatedPriority, canonical, null));
    }

    private static ulong Key(AnalyzedText doc, int start, int end)
    {
        var h = SequenceSeed;
        for (var k = start; k < end; k++)
        {
            h = TextHash.Mix(h, doc.Words[k]);
        }

        return h;
    }

    public static string TypeName(NameType type) => type switch
    {
        NameType.Person => EntityTypes.Person,
        NameType.Organization => EntityTypes.Organization,
        _ => EntityTypes.Location,
    };

    /// <summary>The name as written, with runs of white space as one space.</summary>
    public static string Surface(string text, int start, int end)
    {
        var span = text.AsSpan(start, end - start);
        if (!span.ContainsAny(" \t\r\n\u00A0"))
        {
            return span.ToString();
        }

        var sb = new StringBuilder(span.Length);
        var space = false;
        foreach (var c in span)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}
