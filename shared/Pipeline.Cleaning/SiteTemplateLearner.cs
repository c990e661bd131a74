using System.Text;

namespace Pipeline.Cleaning;

/// <summary>
/// Decides what of a site's template to remove from a cleaned document. A site is whatever key the caller groups
/// documents by (the URL host, the inbox folder); the counts live with the caller (the store). A line that appeared in
/// at least <see cref="MinShare"/> of the site's documents since it was first seen, over at least
/// <see cref="MinDocuments"/> documents, is template: a footer, a pitch paragraph, a menu the cleaner missed.
/// It only ever removes more than the cleaner did, and never so much that the document's prose goes with it.
/// </summary>
/// <param name="minDocuments">Documents a line must have had the chance to appear in before it can be template.</param>
/// <param name="minShare">Share of those documents it must have appeared in.</param>
public sealed class SiteTemplateLearner(int minDocuments = 5, double minShare = 0.6)
{
    /// <summary>Lines longer than this are article prose, which sites do not repeat verbatim; they are never counted.</summary>
    public const int MaxLineChars = 400;

    /// <summary>Distinct lines counted per document, so one huge document cannot flood its site's state.</summary>
    public const int MaxLinesPerDocument = 1_000;

    /// <summary>Removal is dropped when it would leave fewer words than this and less than <see cref="MinKeptShare"/> of them.</summary>
    private const int MinKeptWords = 50;

    private const double MinKeptShare = 0.3;

    /// <summary>Documents a line must have had the chance to appear in before it can be template.</summary>
    public int MinDocuments { get; } = minDocuments >= 2 ? minDocuments : throw new ArgumentOutOfRangeException(nameof(minDocuments), "At least 2.");

    /// <summary>Share of those documents it must have appeared in.</summary>
    public double MinShare { get; } = minShare is > 0 and <= 1 ? minShare : throw new ArgumentOutOfRangeException(nameof(minShare), "Between 0 and 1.");

    /// <summary>The hashes of the distinct countable lines of <paramref name="text"/> (what a site's state counts).</summary>
    public static IReadOnlyList<long> LineHashes(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var seen = new HashSet<long>();
        var hashes = new List<long>();
        foreach (var range in text.AsSpan().Split('\n'))
        {
            var line = text.AsSpan(range).Trim();
            if (line.Length is 0 or > MaxLineChars)
            {
                continue;
            }

            var hash = Hash(line);
            if (seen.Add(hash))
            {
                hashes.Add(hash);
                if (hashes.Count == MaxLinesPerDocument)
                {
                    break;
                }
            }
        }

        return hashes;
    }

    /// <summary>
    /// A stable 64-bit hash of a line (FNV-1a over its lower-cased characters, runs of white space as one space), the
    /// same in every process, so copies of the cleaner count the same line under the same key.
    /// </summary>
    public static long Hash(ReadOnlySpan<char> line)
    {
        const ulong prime = 0x100000001b3;
        var hash = 0xcbf29ce484222325;
        var space = false;
        foreach (var c in line.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                hash = (hash ^ ' ') * prime;
                space = false;
            }

            var lower = char.ToLowerInvariant(c);
            hash = (hash ^ (byte)lower) * prime;
            hash = (hash ^ (byte)(lower >> 8)) * prime;
        }

        return unchecked((long)hash);
    }

    /// <summary>
    /// True when a line counted in <paramref name="count"/> documents, first in the site's document number
    /// <paramref name="firstSeen"/>, is template for a site that has counted <paramref name="documents"/>.
    /// </summary>
    public bool IsTemplate(long documents, long count, long firstSeen)
    {
        var chances = documents - Math.Max(firstSeen, 1) + 1;
        return chances >= MinDocuments && count >= MinShare * chances;
    }

    /// <summary>
    /// Removes the lines of <paramref name="result"/> whose hash <paramref name="isTemplate"/> accepts, listing them as
    /// <see cref="BoilerplateKinds.SiteTemplate"/>; returns <paramref name="result"/> unchanged when nothing is template
    /// or when removing it would leave too little of the document (a page made of what the site repeats is kept whole).
    /// </summary>
    public static CleaningResult Apply(CleaningResult result, Func<long, bool> isTemplate)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(isTemplate);
        var kept = new StringBuilder(result.Text.Length);
        var template = new List<RemovedBlock>();
        var starts = new List<int>();
        var before = new List<int>();
        var pendingBreak = false;
        int keptWords = 0, allWords = 0;
        foreach (var range in result.Text.AsSpan().Split('\n'))
        {
            var line = result.Text.AsSpan(range);
            if (line.IsWhiteSpace())
            {
                pendingBreak = true;
                continue;
            }

            starts.Add(range.Start.Value);
            before.Add(kept.Length);
            var words = Words(line);
            allWords += words;
            var trimmed = line.Trim();
            if (trimmed.Length <= MaxLineChars && isTemplate(Hash(trimmed)))
            {
                template.Add(new RemovedBlock(BoilerplateKinds.SiteTemplate, trimmed.ToString(), kept.Length));
                continue;
            }

            if (kept.Length > 0)
            {
                kept.Append(pendingBreak ? "\n\n" : "\n");
            }

            kept.Append(line);
            keptWords += words;
            pendingBreak = false;
        }

        if (template.Count == 0 || keptWords == 0 || (keptWords < MinKeptWords && keptWords < allWords * MinKeptShare))
        {
            return result;
        }

        // Blocks removed earlier keep their place: the position of the first line that started at or after it.
        var removed = new List<RemovedBlock>(result.Removed.Count + template.Count);
        foreach (var block in result.Removed)
        {
            if (block.Offset is not { } offset)
            {
                removed.Add(block);
                continue;
            }

            var i = starts.BinarySearch(offset);
            i = i < 0 ? ~i : i;
            removed.Add(block with { Offset = i < before.Count ? before[i] : kept.Length });
        }

        removed.AddRange(template);
        return result with { Text = kept.ToString(), Removed = removed };
    }

    private static int Words(ReadOnlySpan<char> line)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in line)
        {
            var letter = char.IsLetterOrDigit(c);
            words += letter && !inWord ? 1 : 0;
            inWord = letter;
        }

        return words;
    }
}
