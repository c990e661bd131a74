namespace Pipeline.Tagging.Model;

/// <summary>
/// BILOU labels over a number of entity types: O, then B/I/L/U of type 0, of type 1, ... The biomedical model
/// uses two types (<see cref="Labels"/>), the general-domain model four (Person, Organization, Location, Misc).
/// </summary>
internal sealed class LabelSet
{
    private readonly bool[] _allowed;

    public LabelSet(int types)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(types, 1);
        Types = types;
        Count = 1 + (4 * types);
        _allowed = new bool[(Count + 1) * Count];
        for (var p = 0; p <= Count; p++)
        {
            for (var n = 0; n < Count; n++)
            {
                var open = p != StartRow && (IsBegin(p) || IsInside(p));
                _allowed[(p * Count) + n] = open
                    ? (IsInside(n) || IsLast(n)) && TypeOf(n) == TypeOf(p)
                    : n == Labels.Outside || IsBegin(n) || IsUnit(n);
            }
        }
    }

    public int Types { get; }

    /// <summary>Number of labels (O and four per type).</summary>
    public int Count { get; }

    /// <summary>Row of the transition table holding the scores of a sentence's first label.</summary>
    public int StartRow => Count;

    public static int Begin(int type) => 1 + (4 * type);

    public static int Inside(int type) => 2 + (4 * type);

    public static int Last(int type) => 3 + (4 * type);

    public static int Unit(int type) => 4 + (4 * type);

    public static int TypeOf(int label) => (label - 1) / 4;

    public static bool IsBegin(int label) => label != Labels.Outside && (label - 1) % 4 == 0;

    public static bool IsInside(int label) => label != Labels.Outside && (label - 1) % 4 == 1;

    public static bool IsLast(int label) => label != Labels.Outside && (label - 1) % 4 == 2;

    public static bool IsUnit(int label) => label != Labels.Outside && (label - 1) % 4 == 3;

    /// <summary>Whether <paramref name="next"/> may follow <paramref name="previous"/> (<see cref="StartRow"/> for none).</summary>
    public bool Allowed(int previous, int next) => _allowed[(previous * Count) + next];

    /// <summary>A sentence may not end inside an entity.</summary>
    public static bool CanEnd(int label) => label == Labels.Outside || IsLast(label) || IsUnit(label);
}
