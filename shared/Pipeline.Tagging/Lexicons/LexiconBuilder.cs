using System.Globalization;

namespace Pipeline.Tagging.Lexicons;

/// <summary>Builds the lexicon from the DrugBank open vocabulary and Disease Ontology term files.</summary>
internal static class LexiconBuilder
{
    public static Lexicon Build(string drugBankTsv, string diseaseOntologyTsv)
    {
        var lexicon = new Lexicon();
        var byName = new Dictionary<(LexiconType, string), int>();
        AddVocabulary(lexicon, byName, drugBankTsv, LexiconType.Chemical, "name");
        AddVocabulary(lexicon, byName, diseaseOntologyTsv, LexiconType.Disease, "label");
        foreach (var (term, type, vocabulary) in LayTerms.All)
        {
            var target = vocabulary ?? term;
            if (!byName.TryGetValue((type, target), out var entry))
            {
                entry = lexicon.AddEntry(new LexiconEntry(type, target, null));
                byName[(type, target)] = entry;
            }

            lexicon.AddTerm(term, entry);
        }

        foreach (var term in Symptoms.All)
        {
            var target = term;
            if (!byName.TryGetValue((LexiconType.Disease, target), out var entry))
            {
                entry = lexicon.AddEntry(new LexiconEntry(LexiconType.Disease, target, null));
                byName[(LexiconType.Disease, target)] = entry;
            }

            lexicon.AddTerm(term, entry);
        }

        // Plurals of disease names ("tumors", "seizures") for terms the vocabulary lists only in the singular.
        foreach (var (term, entry) in lexicon.Terms.ToArray())
        {
            if (lexicon[entry].Type == LexiconType.Disease && term.Length > 3 && char.IsLetter(term[^1]) && term[^1] is not ('s' or 'S' or 'y'))
            {
                lexicon.AddTerm(term + "s", entry);
            }
        }

        return lexicon;
    }

    private static void AddVocabulary(Lexicon lexicon, Dictionary<(LexiconType, string), int> byName, string path, LexiconType type, string preferredKind)
    {
        var rows = new List<(string Id, string Term, string Kind)>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var parts = line.Split('\t');
            if (parts.Length >= 3 && parts[1].Length > 0)
            {
                rows.Add((parts[0], parts[1].Trim(), parts[2]));
            }
        }

        // Preferred names first, so a synonym shared by two concepts never hides a concept's own name.
        var entries = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (id, term, kind) in rows)
        {
            if (kind == preferredKind && !entries.ContainsKey(id))
            {
                var canonical = term.ToLower(CultureInfo.InvariantCulture);
                var entry = lexicon.AddEntry(new LexiconEntry(type, canonical, id));
                entries[id] = entry;
                byName.TryAdd((type, canonical), entry);
                lexicon.AddTerm(term, entry);
            }
        }

        foreach (var (id, term, kind) in rows)
        {
            if (kind != preferredKind && entries.TryGetValue(id, out var entry) && IsUsefulSynonym(term))
            {
                lexicon.AddTerm(term, entry);
            }
        }
    }

    /// <summary>Short all-capital synonyms ("NMDA" is listed for ketamine) are ambiguous abbreviations, not names.</summary>
    private static bool IsUsefulSynonym(string term)
    {
        if (term.Length < 3)
        {
            return false;
        }

        if (term.Length <= 5)
        {
            foreach (var c in term)
            {
                if (char.IsLower(c))
                {
                    return true;
                }
            }

            return false;
        }

        return true;
    }
}
