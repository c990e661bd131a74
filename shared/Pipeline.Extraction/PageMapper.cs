namespace Pipeline.Extraction;

/// <summary>
/// Carries page boundaries from the extracted text over to the cleaned text: each cleaned line is found again in the
/// extracted text (in order), and page starts inside it fall at the same distance from its start.
/// </summary>
internal static class PageMapper
{
    public static IReadOnlyList<PageRange> Map(string extracted, IReadOnlyList<int> pageStarts, string cleaned)
    {
        if (pageStarts.Count == 0 || cleaned.Length == 0)
        {
            return [];
        }

        var ranges = new List<PageRange>();
        var cursor = 0;
        var page = 0;
        var lineStart = 0;
        while (lineStart < cleaned.Length)
        {
            var lineEnd = cleaned.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = cleaned.Length;
            }

            var line = cleaned.AsSpan(lineStart, lineEnd - lineStart).TrimEnd();
            if (!line.IsWhiteSpace())
            {
                var found = extracted.AsSpan(cursor).IndexOf(line, StringComparison.Ordinal);
                var at = found >= 0 ? cursor + found : -1;
                if (at >= 0)
                {
                    page = PageAt(pageStarts, at, page);
                }

                var segmentStart = lineStart;
                if (at >= 0)
                {
                    // Page breaks inside the line (a paragraph running over a page end) split it.
                    while (page + 1 < pageStarts.Count && pageStarts[page + 1] < at + line.Length)
                    {
                        var split = lineStart + (pageStarts[page + 1] - at);
                        Add(ranges, page + 1, segmentStart, split);
                        segmentStart = split;
                        page++;
                    }

                    cursor = at + line.Length;
                }

                Add(ranges, page + 1, segmentStart, lineStart + line.Length);
            }

            lineStart = lineEnd + 1;
        }

        return ranges;
    }

    private static int PageAt(IReadOnlyList<int> starts, int offset, int from)
    {
        var page = from;
        while (page + 1 < starts.Count && starts[page + 1] <= offset)
        {
            page++;
        }

        return page;
    }

    private static void Add(List<PageRange> ranges, int number, int start, int end)
    {
        if (end <= start)
        {
            return;
        }

        if (ranges.Count > 0 && ranges[^1].Number == number)
        {
            ranges[^1] = ranges[^1] with { End = end };
        }
        else
        {
            ranges.Add(new PageRange(number, start, end));
        }
    }
}
