using Pipeline.Cleaning;

namespace Pipeline.Extraction.Archives;

/// <summary>Entry names are only ever used as labels, never as paths on disk; still, a name that climbs out is a hostile archive.</summary>
internal static class EntryNames
{
    public static string Check(string name)
    {
        var normal = name.Replace('\\', '/');
        if (normal.StartsWith('/') || (normal.Length > 1 && normal[1] == ':') || normal.Split('/').Any(part => part == "..") || normal.Contains('\0', StringComparison.Ordinal))
        {
            throw new CleaningRejectedException("path-traversal", $"The archive has an entry named '{Printable(name)}' that points outside the archive.");
        }

        return normal;
    }

    public static bool IsCandidate(string path)
    {
        var name = path.ToLowerInvariant();
        return DocumentFormats.Extensions.Any(e => name.EndsWith(e, StringComparison.Ordinal));
    }

    private static string Printable(string name) => new(name.Take(200).Select(c => char.IsControl(c) ? '?' : c).ToArray());
}
