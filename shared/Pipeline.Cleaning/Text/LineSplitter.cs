namespace Pipeline.Cleaning.Text;

/// <summary>Splits text into non-empty, trimmed lines, remembering paragraph breaks, list markers and Markdown headings.</summary>
internal static class LineSplitter
{
    public static List<TextUnit> Split(string text, bool markdown)
    {
        var units = new List<TextUnit>();
        var blank = true;
        foreach (var range in text.AsSpan().Split('\n'))
        {
            var raw = text.AsSpan(range);
            var line = raw.Trim();
            if (line.IsEmpty)
            {
                blank = true;
                continue;
            }

            var indent = raw.IndexOfAnyExcept(' ', '\t', '\u00a0');
            var heading = false;
            if (markdown && line[0] == '#')
            {
                var level = line.IndexOfAnyExcept('#');
                if (level is > 0 and <= 6 && line[level] == ' ')
                {
                    line = line[level..].Trim();
                    heading = true;
                }
            }

            var s = Normalize(line);
            units.Add(new TextUnit(s, blank, LinePatterns.ListMarker().IsMatch(s), heading, indent));
            blank = false;
        }

        return units;
    }

    /// <summary>Collapses runs of spaces and tabs (web text dumps are full of them) without touching other characters.</summary>
    private static string Normalize(ReadOnlySpan<char> line)
    {
        if (line.IndexOfAny('\t', '\u00a0') < 0 && line.IndexOf("  ", StringComparison.Ordinal) < 0)
        {
            return line.ToString();
        }

        Span<char> buffer = line.Length <= 512 ? stackalloc char[line.Length] : new char[line.Length];
        var n = 0;
        var space = false;
        foreach (var c in line)
        {
            var isSpace = c is ' ' or '\t' or '\u00a0';
            if (isSpace && space)
            {
                continue;
            }

            buffer[n++] = isSpace ? ' ' : c;
            space = isSpace;
        }

        return new string(buffer[..n]);
    }
}
