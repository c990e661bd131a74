namespace Pipeline.Cleaning.Evaluation;

/// <summary>Counts found and wrong authors against the labelled ones.</summary>
internal sealed class AuthorTally
{
    private int labelled;
    private int found;
    private int unlabelled;
    private int wrong;

    /// <summary>Share of labelled authors that were found.</summary>
    public double Accuracy => labelled == 0 ? 0 : (double)found / labelled;

    /// <summary>Share of pages without a labelled author that were given one.</summary>
    public double WrongRate => unlabelled == 0 ? 0 : (double)wrong / unlabelled;

    public void Add(string? expected, string? actual)
    {
        if (string.IsNullOrWhiteSpace(expected))
        {
            unlabelled++;
            wrong += string.IsNullOrWhiteSpace(actual) ? 0 : 1;
            return;
        }

        labelled++;
        found += Matches(expected, actual) ? 1 : 0;
    }

    /// <summary>
    /// The same person: equal words, or one name's words inside the other's ("Dylan Bailey" and "Dylan Bailey, MS, RD";
    /// "Ann Lee" among "Ann Lee and Bo Chan"). A single shared word ("John") is not enough unless it is the whole label.
    /// </summary>
    public static bool Matches(string expected, string? actual)
    {
        if (string.IsNullOrWhiteSpace(actual))
        {
            return false;
        }

        var want = Snippets.Normalise(expected);
        var got = Snippets.Normalise(actual);
        if (want == got)
        {
            return true;
        }

        var (shorter, longer) = want.Length <= got.Length ? (want, got) : (got, want);
        return (shorter.Trim().Contains(' ', StringComparison.Ordinal) || shorter == want) && shorter.Length > 2 && longer.Contains(shorter, StringComparison.Ordinal);
    }
}
