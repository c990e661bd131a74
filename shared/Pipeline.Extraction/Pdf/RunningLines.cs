using System.Text;
using System.Text.RegularExpressions;
using Pipeline.Cleaning;

namespace Pipeline.Extraction.Pdf;

/// <summary>
/// Finds running headers and footers (the top or bottom block of a page, repeated on most pages once digits are
/// ignored) and bare page numbers, and removes them from the pages with their kind.
/// </summary>
internal static partial class RunningLines
{
    public const string PageHeader = "page-header";
    public const string PageFooter = "page-footer";
    public const string PageNumber = "page-number";

    private const int MaxRunningChars = 200;

    public static List<RemovedBlock> Remove(List<List<PdfBlock>> pages)
    {
        var removed = new List<RemovedBlock>();
        var headers = Repeated(pages, top: true);
        var footers = Repeated(pages, top: false);
        foreach (var blocks in pages)
        {
            if (blocks.Count == 0)
            {
                continue;
            }

            var topIndex = Edge(blocks, top: true);
            var bottomIndex = Edge(blocks, top: false);
            var drop = new SortedSet<int>();
            Classify(blocks, topIndex, headers, PageHeader, drop, removed);
            if (bottomIndex != topIndex)
            {
                Classify(blocks, bottomIndex, footers, PageFooter, drop, removed);
            }

            foreach (var index in drop.Reverse())
            {
                blocks.RemoveAt(index);
            }
        }

        return removed;
    }

    private static void Classify(List<PdfBlock> blocks, int index, HashSet<string> repeated, string kind, SortedSet<int> drop, List<RemovedBlock> removed)
    {
        var text = blocks[index].Text;
        if (IsPageNumber(text))
        {
            drop.Add(index);
            removed.Add(new RemovedBlock(PageNumber, text));
        }
        else if (repeated.Contains(Key(text)))
        {
            drop.Add(index);
            removed.Add(new RemovedBlock(kind, text));
        }
    }

    private static HashSet<string> Repeated(List<List<PdfBlock>> pages, bool top)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var withText = 0;
        foreach (var blocks in pages)
        {
            if (blocks.Count == 0)
            {
                continue;
            }

            withText++;
            var text = blocks[Edge(blocks, top)].Text;
            if (text.Length <= MaxRunningChars && !IsPageNumber(text))
            {
                var key = Key(text);
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }

        // "Most pages": at least half of them, and never a line seen on a single page.
        var needed = Math.Max(2, (withText + 1) / 2);
        return counts.Where(c => c.Value >= needed).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
    }

    private static int Edge(List<PdfBlock> blocks, bool top)
    {
        var best = 0;
        for (var i = 1; i < blocks.Count; i++)
        {
            if (top ? blocks[i].Top > blocks[best].Top : blocks[i].Bottom < blocks[best].Bottom)
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>Digits become '#', so "Annual report · page 3" and "· page 4" are the same running line.</summary>
    private static string Key(string text)
    {
        var key = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsDigit(c))
            {
                if (key.Length == 0 || key[^1] != '#')
                {
                    key.Append('#');
                }
            }
            else if (!char.IsWhiteSpace(c))
            {
                key.Append(char.ToLowerInvariant(c));
            }
        }

        return key.ToString();
    }

    public static bool IsPageNumber(string text) => PageNumberPattern().IsMatch(text.Trim());

    [GeneratedRegex(@"^(?:(?:page|p\.|seite|pagina|página)\s*)?(?:[-–—]\s*)?(?:\d{1,4}|[ivxlc]{1,6})(?:\s*[-–—])?(?:\s*(?:of|/|de|von)\s*\d{1,4})?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PageNumberPattern();
}
