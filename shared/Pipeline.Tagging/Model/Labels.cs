using Pipeline.Tagging.Lexicons;

namespace Pipeline.Tagging.Model;

/// <summary>BILOU labels for the two statistical types: O, then B/I/L/U for Chemical, then for Disease.</summary>
internal static class Labels
{
    public const int Count = 9;
    public const int Outside = 0;

    /// <summary>Row of the transition table that holds the scores of the first label of a sentence.</summary>
    public const int StartRow = Count;

    /// <summary>The same labels as a <see cref="LabelSet"/> of two types, for the shared decoder and trainer.</summary>
    public static readonly LabelSet Set = new(2);

    public static int Begin(LexiconType type) => 1 + (4 * (int)type);

    public static int Inside(LexiconType type) => 2 + (4 * (int)type);

    public static int Last(LexiconType type) => 3 + (4 * (int)type);

    public static int Unit(LexiconType type) => 4 + (4 * (int)type);

    public static LexiconType TypeOf(int label) => (LexiconType)((label - 1) / 4);

    public static bool IsBegin(int label) => label != Outside && (label - 1) % 4 == 0;

    public static bool IsInside(int label) => label != Outside && (label - 1) % 4 == 1;

    public static bool IsLast(int label) => label != Outside && (label - 1) % 4 == 2;

    public static bool IsUnit(int label) => label != Outside && (label - 1) % 4 == 3;

    /// <summary>Whether <paramref name="next"/> may follow <paramref name="previous"/> (<see cref="StartRow"/> for none).</summary>
    public static bool Allowed(int previous, int next) => Set.Allowed(previous, next);

    /// <summary>A sentence may not end inside an entity.</summary>
    public static bool CanEnd(int label) => label == Outside || IsLast(label) || IsUnit(label);

    /// <summary>Drops pieces of mentions that do not form a valid B(I*)L or U sequence.</summary>
    public static void Repair(Span<int> labels)
    {
        var open = -1;
        for (var i = 0; i < labels.Length; i++)
        {
            var l = labels[i];
            if (IsBegin(l))
            {
                Clear(labels, open, i);
                open = i;
            }
            else if (IsInside(l) || IsLast(l))
            {
                if (open < 0 || TypeOf(labels[open]) != TypeOf(l))
                {
                    Clear(labels, open, i);
                    open = -1;
                    labels[i] = Outside;
                }
                else if (IsLast(l))
                {
                    open = -1;
                }
            }
            else
            {
                Clear(labels, open, i);
                open = -1;
            }
        }

        Clear(labels, open, labels.Length);
    }

    private static void Clear(Span<int> labels, int from, int to)
    {
        for (var k = Math.Max(from, 0); from >= 0 && k < to; k++)
        {
            labels[k] = Outside;
        }
    }
}
