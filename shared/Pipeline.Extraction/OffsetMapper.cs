using Pipeline.Cleaning;

namespace Pipeline.Extraction;

/// <summary>
/// Carries the positions of blocks an extractor removed from its own text over to the cleaned text, as
/// <see cref="PageMapper"/> carries page starts: each cleaned line is found again in the extracted text (in order), and
/// a block goes after the last cleaned line that began before it.
/// </summary>
internal static class OffsetMapper
{
    public static IReadOnlyList<RemovedBlock> Map(string extracted, string cleaned, IReadOnlyList<RemovedBlock> removed)
    {
        if (removed.All(r => r.Offset is null))
        {
            return removed;
        }

        // (where the line is in the extracted text, where it ends in the cleaned text)
        var anchors = new List<(int Extracted, int CleanedEnd)>();
        var cursor = 0;
        var lineStart = 0;
        while (lineStart < cleaned.Length)
        {
            var lineEnd = cleaned.IndexOf('\n', lineStart);
            lineEnd = lineEnd < 0 ? cleaned.Length : lineEnd;
            var line = cleaned.AsSpan(lineStart, lineEnd - lineStart).TrimEnd();
            if (!line.IsWhiteSpace())
            {
                var found = extracted.AsSpan(cursor).IndexOf(line, StringComparison.Ordinal);
                if (found >= 0)
                {
                    anchors.Add((cursor + found, lineStart + line.Length));
                    cursor += found + line.Length;
                }
            }

            lineStart = lineEnd + 1;
        }

        return removed.Select(r => r.Offset is { } offset ? r with { Offset = Place(anchors, offset) } : r).ToList();
    }

    private static int Place(List<(int Extracted, int CleanedEnd)> anchors, int offset)
    {
        var at = 0;
        foreach (var (extracted, cleanedEnd) in anchors)
        {
            if (extracted >= offset)
            {
                break;
            }

            at = cleanedEnd;
        }

        return at;
    }
}
