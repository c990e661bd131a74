using Pipeline.Tagging.Lexicons;
using Pipeline.Tagging.Model;
using Pipeline.Tagging.Text;

namespace Pipeline.Tagging.Rules;

/// <summary>
/// Person, Organization, Location and Publication from runs of capitalised words, classified by the words
/// they contain, the words around them and the gazetteers.
/// </summary>
internal static class NameRecognizer
{
    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal) { "of", "for", "and", "&", "the", "on", "in", "de", "du", "von", "van", "der" };

    /// <summary>Keep the rules' people, organisations and places beside a general model (internal: for evaluation runs only).</summary>
    internal static bool KeepRulesWithModel { get; set; }

    /// <summary>
    /// Adds rule candidates; with <paramref name="rulesForNames"/> false (a general model tags names) only
    /// publications are kept.
    /// </summary>
    public static void Find(AnalyzedText doc, List<Candidate> output, bool rulesForNames = true)
    {
        var first = output.Count;
        FindAll(doc, output);
        if (!rulesForNames && !KeepRulesWithModel)
        {
            var kept = first;
            for (var k = first; k < output.Count; k++)
            {
                if (output[k].Type == EntityTypes.Publication)
                {
                    output[kept++] = output[k];
                }
            }

            output.RemoveRange(kept, output.Count - kept);
        }
    }

    private static void FindAll(AnalyzedText doc, List<Candidate> output)
    {
        var text = doc.Text;
        var tokens = doc.Tokens;
        Dictionary<string, string>? acronyms = null;
        var i = 0;
        while (i < tokens.Length)
        {
            if (!IsCapitalized(text, tokens[i]))
            {
                i++;
                continue;
            }

            var end = RunEnd(text, tokens, i);
            Classify(doc, i, end, output, ref acronyms);
            i = end;
        }

        if (acronyms is not null)
        {
            TagAcronyms(doc, acronyms, output);
        }

        TagSurnames(doc, output);
    }

    /// <summary>After "Dr. Jay Goldstein", a later "Goldstein" alone is the same person.</summary>
    private static void TagSurnames(AnalyzedText doc, List<Candidate> output)
    {
        HashSet<string>? surnames = null;
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var c in output)
        {
            if (c.Type != EntityTypes.Person)
            {
                continue;
            }

            var space = c.Canonical?.LastIndexOf(' ') ?? -1;
            if (space > 0 && c.Canonical!.Length - space > 2)
            {
                surnames ??= new HashSet<string>(StringComparer.Ordinal);
                var surname = c.Canonical[(space + 1)..];
                surnames.Add(surname);
                names.TryAdd(surname, c.Canonical);
            }
        }

        if (surnames is null)
        {
            return;
        }

        var text = doc.Text;
        var lookup = surnames.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var t in doc.Tokens)
        {
            if (t.Kind == TokenKind.Word && char.IsUpper(text[t.Start]) && lookup.Contains(text.AsSpan(t.Start, t.Length)))
            {
                var surname = text.Substring(t.Start, t.Length);
                output.Add(new Candidate(t.Start, t.End, EntityTypes.Person, 39, names[surname], null));
            }
        }
    }

    private static void Classify(AnalyzedText doc, int start, int end, List<Candidate> output, ref Dictionary<string, string>? acronyms)
    {
        var text = doc.Text;
        var tokens = doc.Tokens;
        var first = Word(text, tokens[start]);
        var charStart = tokens[start].Start;
        var charEnd = tokens[end - 1].End;
        var name = text[charStart..charEnd];
        var previous = start > 0 ? Word(text, tokens[start - 1]) : string.Empty;
        var previous2 = start > 1 ? Word(text, tokens[start - 2]) : string.Empty;
        var words = end - start;

        // A title, possibly with its period, introduces a person: "Dr. Jane Roe".
        if (Gazetteers.PersonTitles.Contains(first) && words == 1 && end + 1 < tokens.Length)
        {
            return;
        }

        if (Gazetteers.PersonTitles.Contains(previous) || (previous == "." && Gazetteers.PersonTitles.Contains(previous2)))
        {
            if (words <= 4)
            {
                output.Add(new Candidate(charStart, charEnd, EntityTypes.Person, 75, name, null));
                return;
            }
        }

        if (IsPublication(doc, start, end, previous, previous2))
        {
            output.Add(new Candidate(charStart, charEnd, EntityTypes.Publication, 80, name, null));
            return;
        }

        if (IsOrganization(doc, start, end))
        {
            // "The Ketamine Advocacy Network": the article is not part of the name.
            if (first == "The" && end - start > 2)
            {
                charStart = tokens[start + 1].Start;
                name = text[charStart..charEnd];
            }

            output.Add(new Candidate(charStart, charEnd, EntityTypes.Organization, 70, name, null));
            RecordAcronym(doc, end, name, ref acronyms);
            return;
        }

        // "Denver, Colorado" as one place; "Tom Reyes, MD" is a person, not a city in Maryland.
        if (!IsPerson(doc, start, end) && IsCityState(doc, start, end, out var stateEnd))
        {
            output.Add(new Candidate(charStart, tokens[stateEnd - 1].End, EntityTypes.Location, 55, text[charStart..tokens[stateEnd - 1].End], null));
            return;
        }

        if (Gazetteers.Places.Contains(name))
        {
            output.Add(new Candidate(charStart, charEnd, EntityTypes.Location, 55, name, null));
            return;
        }

        if (IsPerson(doc, start, end))
        {
            output.Add(new Candidate(charStart, charEnd, EntityTypes.Person, 40, name, null));
            return;
        }


        if (previous is "in" or "near" or "from" or "across" && words <= 3 && IsPlaceLike(doc, start, end))
        {
            output.Add(new Candidate(charStart, charEnd, EntityTypes.Location, 30, name, null));
            return;
        }

        // A run that mixes a place with other words ("Florida Pain ...") was handled above; tag lone places inside.
        for (var k = start; k < end; k++)
        {
            var w = Word(text, tokens[k]);
            if (Gazetteers.Places.Contains(w) && w.Length > 2)
            {
                output.Add(new Candidate(tokens[k].Start, tokens[k].End, EntityTypes.Location, 34, w, null));
            }
        }
    }

    private static bool IsPublication(AnalyzedText doc, int start, int end, string previous, string previous2)
    {
        var text = doc.Text;
        var tokens = doc.Tokens;
        var name = text[tokens[start].Start..tokens[end - 1].End];
        var afterJournal = previous is "journal" || (previous2 is "published" && previous is "in") ||
            (previous is "the" && start > 1 && Word(text, tokens[start - 2]) is "journal" or "in");
        if (afterJournal && (end - start <= 8))
        {
            return previous is "journal" || Gazetteers.KnownPublications.Contains(name) || ContainsAny(text, tokens, start, end, Gazetteers.PublicationWords);
        }

        if (Gazetteers.KnownPublications.Contains(name) && (name.Length > 5 || name.All(char.IsUpper)) && name is not ("Science" or "Nature" or "Cell" or "Pain" or "Neurology" or "Pediatrics" or "Circulation" or "Rheumatology"))
        {
            return true;
        }

        for (var k = start; k < end; k++)
        {
            var w = Word(text, tokens[k]);
            if (!Gazetteers.PublicationWords.Contains(w))
            {
                continue;
            }

            // "Journal of ...", "... Journal", "Annals of ..." — a keyword alone or heading "Review of" is not a title.
            var followedByOf = k + 1 < end && Word(text, tokens[k + 1]) == "of";
            if (w is "Review" or "Reviews" or "Letters" or "Times" or "Post" && end - start == 1)
            {
                return false;
            }

            if (w is "Journal" or "Annals" or "Archives" or "Proceedings" or "Bulletin" or "Lancet" or "Transactions" || (k > start && !followedByOf) || followedByOf)
            {
                return w != "Review" || k > start;
            }
        }

        return false;
    }

    private static bool IsOrganization(AnalyzedText doc, int start, int end)
    {
        var text = doc.Text;
        var tokens = doc.Tokens;
        var name = text[tokens[start].Start..tokens[end - 1].End];
        if (Gazetteers.KnownOrganizations.Contains(name))
        {
            return true;
        }

        if (end - start < 2)
        {
            return false;
        }

        // The keyword ends the name ("... Institute") or heads it ("University of ...", "Centers for ...");
        // "Clinics in Ohio" is a phrase, not a name.
        var lookup = Gazetteers.OrganizationWords.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var k = start; k < end; k++)
        {
            if (lookup.Contains(text.AsSpan(tokens[k].Start, tokens[k].Length)))
            {
                if (k == end - 1)
                {
                    return true;
                }

                var next = text.AsSpan(tokens[k + 1].Start, tokens[k + 1].Length);
                if (next is "of" or "for" or "on" or "&")
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsPerson(AnalyzedText doc, int start, int end)
    {
        var text = doc.Text;
        var tokens = doc.Tokens;
        var words = 0;
        for (var k = start; k < end; k++)
        {
            if (tokens[k].Kind == TokenKind.Word)
            {
                words++;
            }
        }

        if (words is < 2 or > 4)
        {
            return false;
        }

        var first = Word(text, tokens[start]);
        if (Gazetteers.GivenNames.Contains(first))
        {
            return true;
        }

        // "Jane Roe, MD" / "Jane Roe, PhD".
        if (end + 1 < tokens.Length && Word(text, tokens[end]) == ",")
        {
            var next = Word(text, tokens[end + 1]);
            return Gazetteers.PersonSuffixes.Contains(next) || (next == "M" && end + 2 < tokens.Length && Word(text, tokens[end + 2]) == ".");
        }

        return false;
    }

    private static bool IsCityState(AnalyzedText doc, int start, int end, out int stateEnd)
    {
        var text = doc.Text;
        var tokens = doc.Tokens;
        stateEnd = 0;
        if (end - start > 3 || end + 1 >= tokens.Length || Word(text, tokens[end]) != "," || !IsCapitalized(text, tokens[end + 1]))
        {
            return false;
        }

        var stateStart = end + 1;
        var runEnd = RunEnd(text, tokens, stateStart);
        var state = text[tokens[stateStart].Start..tokens[runEnd - 1].End];
        if (Gazetteers.StateCodes.Contains(state) || (Gazetteers.Regions.Contains(state) && runEnd - stateStart <= 3))
        {
            stateEnd = runEnd;
            return !HasLexiconMatch(doc, start, end);
        }

        return false;
    }

    private static bool IsPlaceLike(AnalyzedText doc, int start, int end)
    {
        var text = doc.Text;
        var tokens = doc.Tokens;
        for (var k = start; k < end; k++)
        {
            var w = Word(text, tokens[k]);
            if (tokens[k].Kind != TokenKind.Word || w.Length < 3 || Gazetteers.NotPlaceWords.Contains(w) || !char.IsLower(w[^1]))
            {
                return false;
            }
        }

        return !HasLexiconMatch(doc, start, end);
    }

    private static bool HasLexiconMatch(AnalyzedText doc, int start, int end)
    {
        for (var k = start; k < end; k++)
        {
            if (doc.ChemicalMatches[k] != LexiconMatch.None || doc.DiseaseMatches[k] != LexiconMatch.None)
            {
                return true;
            }
        }

        return false;
    }

    private static void RecordAcronym(AnalyzedText doc, int end, string longForm, ref Dictionary<string, string>? acronyms)
    {
        var text = doc.Text;
        var tokens = doc.Tokens;
        if (end + 2 < tokens.Length && Word(text, tokens[end]) == "(" && Word(text, tokens[end + 2]) == ")")
        {
            var acronym = Word(text, tokens[end + 1]);
            if (acronym.Length is >= 2 and <= 10 && char.IsUpper(acronym[0]) && char.IsUpper(acronym[^1]))
            {
                acronyms ??= new Dictionary<string, string>(StringComparer.Ordinal);
                acronyms.TryAdd(acronym, longForm);
            }
        }
    }

    private static void TagAcronyms(AnalyzedText doc, Dictionary<string, string> acronyms, List<Candidate> output)
    {
        var text = doc.Text;
        var lookup = acronyms.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var t in doc.Tokens)
        {
            if (t.Kind == TokenKind.Word && t.Length <= 10 && lookup.TryGetValue(text.AsSpan(t.Start, t.Length), out var longForm))
            {
                // Above the plain organisation rule, so a defined "CDC" carries its long form as canonical name.
                output.Add(new Candidate(t.Start, t.End, EntityTypes.Organization, 71, longForm, null));
            }
        }
    }

    /// <summary>The exclusive end of the run of capitalised words (with inner connectors) starting at <paramref name="start"/>.</summary>
    private static int RunEnd(string text, ReadOnlySpan<Token> tokens, int start)
    {
        var end = start + 1;
        while (end < tokens.Length && !LineBreakBefore(text, tokens, end))
        {
            var t = tokens[end];
            if (IsCapitalized(text, t))
            {
                end++;
                continue;
            }

            var w = text.AsSpan(t.Start, t.Length);

            // Connectors and joined punctuation count only when a capitalised word follows.
            var joins = Connectors.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w) ||
                (t.Kind == TokenKind.Symbol && !t.SpaceBefore && w[0] is '-' or '\'' or '\u2019' && end + 1 < tokens.Length && !tokens[end + 1].SpaceBefore);
            if (joins && end + 1 < tokens.Length && !LineBreakBefore(text, tokens, end + 1))
            {
                var next = tokens[end + 1];
                if (IsCapitalized(text, next))
                {
                    end += 2;
                    continue;
                }

                // Possessive: "Children's Hospital".
                if (w[0] is '\'' or '\u2019' && text[next.Start] == 's' && next.Length == 1 && end + 2 < tokens.Length && IsCapitalized(text, tokens[end + 2]))
                {
                    end += 3;
                    continue;
                }
            }

            break;
        }

        return end;
    }

    private static bool LineBreakBefore(string text, ReadOnlySpan<Token> tokens, int index) =>
        tokens[index].SpaceBefore && index > 0 && text.AsSpan(tokens[index - 1].End, tokens[index].Start - tokens[index - 1].End).Contains('\n');

    private static bool IsCapitalized(string text, Token token) =>
        token.Kind == TokenKind.Word && char.IsUpper(text[token.Start]) || (token.Length == 1 && text[token.Start] == '&');

    private static bool ContainsAny(string text, ReadOnlySpan<Token> tokens, int start, int end, HashSet<string> words)
    {
        var lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var k = start; k < end; k++)
        {
            if (lookup.Contains(text.AsSpan(tokens[k].Start, tokens[k].Length)))
            {
                return true;
            }
        }

        return false;
    }

    private static string Word(string text, Token token) => text.Substring(token.Start, token.Length);
}
