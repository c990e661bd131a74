using System.Text;

namespace Pipeline.Extraction.Pdf;

/// <summary>Joins the lines of a paragraph, mending words split by a hyphen (or soft hyphen) at a line end.</summary>
internal static class LineJoiner
{
    /// <summary>Stands for a lower-case start on the next page, to join across a page break.</summary>
    public const char Continuation = '\u0001';

    public static void Append(StringBuilder paragraph, string line)
    {
        line = line.Trim();
        if (line.Length == 0)
        {
            return;
        }

        if (paragraph.Length == 0)
        {
            paragraph.Append(line);
            return;
        }

        var last = paragraph[^1];
        if (last == '\u00AD')
        {
            paragraph.Length--;
            paragraph.Append(line);
        }
        else if (last is '-' or '\u2010' && paragraph.Length >= 2 && char.IsLetter(paragraph[^2]) && (char.IsLower(line[0]) || line[0] == Continuation))
        {
            // "treat-" + "ment": a word broken at the line end. "well-" + "Known" keeps its hyphen.
            paragraph.Length--;
            paragraph.Append(line);
        }
        else
        {
            paragraph.Append(' ').Append(line);
        }
    }

    /// <summary>True when a paragraph at the bottom of a page seems to go on at the top of the next one.</summary>
    public static bool Continues(string previous, string next) =>
        previous.Length > 0 && next.Length > 0
        && char.IsLower(next[0])
        && previous[^1] is not ('.' or '!' or '?' or ':' or '"' or '\u201D' or ')');
}
