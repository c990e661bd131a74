using System.Text;

namespace Pipeline.Cleaning.Training;

/// <summary>
/// The ways people's text dumps differ from a renderer's output: blank lines dropped or doubled, paragraphs on one
/// line (a browser's copy) or wrapped at another width. Training sees every page in one of them.
/// </summary>
internal static class DumpVariants
{
    /// <summary>How many variants there are, the renderer's own output (0) included.</summary>
    public const int Count = 5;

    private const int RewrapWidth = 66;

    public static string Apply(string dump, int variant)
    {
        var lines = dump.ReplaceLineEndings("\n").Split('\n');
        return variant switch
        {
            0 => dump,
            1 => string.Join('\n', lines.Where(l => l.Trim().Length > 0)),
            2 => string.Join("\n\n", lines.Where(l => l.Trim().Length > 0)),
            3 => Unwrap(lines),
            4 => Rewrap(lines),
            _ => throw new ArgumentOutOfRangeException(nameof(variant), variant, $"Variants are 0 to {Count - 1}."),
        };
    }

    /// <summary>Joins each block of lines into one line when its lines are wrapped prose (long and not list items).</summary>
    private static string Unwrap(string[] lines)
    {
        var sb = new StringBuilder();
        var width = lines.Length == 0 ? 0 : lines.Max(l => l.TrimEnd().Length);
        var previousLong = false;
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                sb.Append("\n\n");
                previousLong = false;
                continue;
            }

            if (previousLong && !Text.LinePatterns.ListMarker().IsMatch(line))
            {
                sb.Append(' ');
            }
            else if (sb.Length > 0 && sb[^1] != '\n')
            {
                sb.Append('\n');
            }

            sb.Append(line);
            previousLong = raw.TrimEnd().Length >= width * 0.75;
        }

        return sb.ToString();
    }

    /// <summary>Wraps long lines at a narrower width, keeping their indentation on the first line only.</summary>
    private static string Rewrap(string[] lines)
    {
        var sb = new StringBuilder();
        foreach (var line in lines)
        {
            var rest = line.TrimEnd();
            while (rest.Length > RewrapWidth)
            {
                var cut = rest.LastIndexOf(' ', RewrapWidth);
                if (cut <= rest.Length - rest.TrimStart().Length)
                {
                    break;
                }

                sb.Append(rest.AsSpan(0, cut)).Append('\n');
                rest = rest[(cut + 1)..];
            }

            sb.Append(rest).Append('\n');
        }

        return sb.ToString();
    }
}
