namespace Pipeline.Tagging.Model;

/// <summary>
/// Combines the general model's names with the biomedical model's chemicals and diseases before overlaps are
/// resolved, so a token is never both. The general model owns names, the biomedical model what does not look
/// like one:
/// <list type="bullet">
/// <item>A name-shaped chemical or disease (one capitalised word of letters: "Ramachandran", "Chornobyl") that
/// overlaps a name loses to it unless biomedical evidence backs it (a vocabulary or training-data name, a curated
/// term, a short form defined in the text).</item>
/// <item>A name found by a pattern (a state code after "City,": "Boca Raton, FL") always wins.</item>
/// <item>Any other chemical or disease ("Parkinson's disease" over "Parkinson", "PGE2", "CBDCA", "5-FU") wins
/// over the names it overlaps: the general model knows codes and abbreviations of chemistry least.</item>
/// <item>A name-shaped chemical or disease without evidence inside a sentence ("Melinda", "BuzzMachine") is
/// dropped even when the general model left it untyped.</item>
/// <item>A document with fewer than two chemicals or diseases backed by evidence (short capitals like "CA" not
/// counted) is not biomedical text: there every chemical or disease without evidence, every one of one to three
/// capitals ("CA", "K", "DA") and every one overlapping a name is dropped.</item>
/// </list>
/// </summary>
internal static class DomainMerge
{
    /// <summary>Switch for measuring the policy (internal: for evaluation runs only).</summary>
    internal static bool Enabled { get; set; } = true;

    /// <summary>Switch for measuring the name-shaped evidence rule (internal: for evaluation runs only).</summary>
    internal static bool RequireEvidenceForNameShapes { get; set; } = true;

    /// <summary>A document with fewer chemicals and diseases backed by evidence than this is not biomedical text.</summary>
    private const int BiomedicalContext = 2;

    public static void Apply(string text, List<Candidate> candidates, List<Candidate> names)
    {
        if (!Enabled)
        {
            candidates.AddRange(names);
            return;
        }

        // Outside a biomedical context (a tweet about "lsu games", a loan agreement) the biomedical model's
        // unbacked guesses and its short capitals ("CA", "K", "DA") are not trusted.
        var backed = 0;
        foreach (var c in candidates)
        {
            backed += c.Evidence && IsBiomedical(c) && !IsShortCapitals(text.AsSpan(c.Start, c.End - c.Start)) ? 1 : 0;
        }

        var biomedical = backed >= BiomedicalContext;
        if (RequireEvidenceForNameShapes)
        {
            candidates.RemoveAll(c =>
            {
                if (!IsBiomedical(c))
                {
                    return false;
                }

                var surface = text.AsSpan(c.Start, c.End - c.Start);
                return biomedical
                    ? !c.Evidence && IsNameShaped(surface) && !StartsSentence(text, c.Start)
                    : !c.Evidence || IsShortCapitals(surface);
            });
        }

        if (names.Count == 0)
        {
            return;
        }

        // Names are in start order and never overlap each other, so each overlap test is a binary search.
        var dropName = new bool[names.Count];
        candidates.RemoveAll(c =>
        {
            if (!IsBiomedical(c))
            {
                return false;
            }

            var drop = false;
            var nameShaped = IsNameShaped(text.AsSpan(c.Start, c.End - c.Start));
            for (var k = FirstEndingAfter(names, c.Start); k < names.Count && names[k].Start < c.End; k++)
            {
                var n = names[k];
                var bioWins = biomedical && n.Priority <= General.NameResolver.ModelPriority &&
                    (!nameShaped || (c.Evidence && c.Start <= n.Start && c.End >= n.End));
                if (bioWins)
                {
                    dropName[k] = true;
                }
                else
                {
                    drop = true;
                }
            }

            return drop;
        });

        for (var k = 0; k < names.Count; k++)
        {
            if (!dropName[k])
            {
                candidates.Add(names[k]);
            }
        }
    }

    private static bool IsBiomedical(Candidate c) => c.Type is EntityTypes.Chemical or EntityTypes.Disease;

    /// <summary>One to three capital letters: "CA", "K", "DA", ambiguous outside biomedical text.</summary>
    private static bool IsShortCapitals(ReadOnlySpan<char> word)
    {
        if (word.Length > 3)
        {
            return false;
        }

        foreach (var c in word)
        {
            if (!char.IsUpper(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>One word of letters, capitalised, with lower case: "Melinda", "BuzzMachine" (not "LSU", "L-dopa", "5-FU", "cocaine").</summary>
    internal static bool IsNameShaped(ReadOnlySpan<char> word)
    {
        if (word.Length < 2 || !char.IsUpper(word[0]))
        {
            return false;
        }

        var lower = false;
        foreach (var c in word)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }

            lower |= char.IsLower(c);
        }

        return lower;
    }

    /// <summary>First word of the text, of a line or after terminal punctuation, where capitals say nothing.</summary>
    private static bool StartsSentence(string text, int start)
    {
        var k = start - 1;
        while (k >= 0 && text[k] is ' ' or '\t' or '"' or '\'' or '\u201C' or '\u2018' or '(')
        {
            k--;
        }

        return k < 0 || text[k] is '.' or '!' or '?' or ':' or '\n' or '\r' or '\u2022';
    }

    private static int FirstEndingAfter(List<Candidate> names, int position)
    {
        // Name spans never overlap each other, so their ends are sorted as their starts are.
        var lo = 0;
        var hi = names.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (names[mid].End <= position)
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
}
