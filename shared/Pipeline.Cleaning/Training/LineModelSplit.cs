namespace Pipeline.Cleaning.Training;

/// <summary>
/// The fixed split of a labelled page set for the line model: a page is held out for evaluation by a hash of its id
/// (about one page in five), never by its content, so training never sees the pages its figures are measured on.
/// </summary>
public static class LineModelSplit
{
    /// <summary>One page in this many is held out.</summary>
    public const int Folds = 5;

    /// <summary>Whether the page <paramref name="id"/> is in the held-out part (FNV-1a of the id's characters).</summary>
    public static bool IsHeldOut(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var hash = 2166136261u;
        foreach (var c in id)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash % Folds == 0;
    }
}
