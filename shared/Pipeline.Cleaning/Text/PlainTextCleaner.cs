using System.Text;

namespace Pipeline.Cleaning.Text;

/// <summary>Classifies the lines of a text dump (or of the blocks rendered from an HTML main block) and keeps the article.</summary>
internal static class PlainTextCleaner
{
    /// <summary>A line with this many words can be prose; fewer is a label.</summary>
    private const int MinProseWords = 3;

    /// <summary>A text with fewer lines than this is a note, not a page dump: the line model is not asked about it.</summary>
    public const int LineModelMinLines = 12;

    /// <summary>
    /// Cleans a text or Markdown dump: the title is picked from the lines above the first paragraph. With a
    /// <paramref name="model"/>, it decides which lines of a page dump are kept, reading what the rules said as features.
    /// </summary>
    public static TextCleanOutcome Clean(string text, bool markdown, LineModel? model = null)
    {
        var units = LineSplitter.Split(text, markdown);
        var (title, published) = ApplyRules(units);
        if (model is not null && units.Count >= LineModelMinLines)
        {
            LineModelDecision.Apply(model, units);
        }

        var outcome = new TextCleanOutcome(title, Assemble(units), published, CollectRemoved(units));
        if (outcome.Body.Length == 0 && KeepProse(units))
        {
            // Everything looked like furniture, yet the text has sentences: it is a short note, kept whole.
            outcome = outcome with { Title = string.Empty, Body = Assemble(units), Removed = CollectRemoved(units) };
        }

        return outcome.Title.Length > 0 || outcome.Body.Length == 0 ? outcome : outcome with { Title = TitlePicker.Derive(outcome.Body) };
    }

    /// <summary>A run of at least this many label lines in a row is a menu.</summary>
    private const int MenuRun = 5;

    /// <summary>Menus are only looked for around this many words of prose (lines of 8 words or more, wrapped or not): without them, short lines are the document.</summary>
    private const int ProseWords = 40;

    /// <summary>A line this long after a run of labels is text, and the label above it its heading.</summary>
    private const int ProseLineWords = 8;

    /// <summary>A menu entry has at most this many words.</summary>
    private const int MenuWords = 4;

    /// <summary>
    /// A web page copied as text starts and ends with its menus: long runs of one- to four-word labels with no
    /// sentence among them. Lists with markers are left alone (ingredients, specifications, facts).
    /// </summary>
    private static void MarkMenuRuns(List<TextUnit> units)
    {
        var proseWords = 0;
        foreach (var u in units)
        {
            proseWords += u.Words >= ProseLineWords ? u.Words : 0;
        }

        if (proseWords < ProseWords)
        {
            // A shopping list or a list of names is the document itself, not its furniture.
            return;
        }

        var start = 0;
        for (var i = 0; i <= units.Count; i++)
        {
            if (i < units.Count && IsMenuEntry(units[i]))
            {
                continue;
            }

            // The label right above a paragraph is its heading (the title), not the menu's last entry.
            var end = i < units.Count && units[i].Words >= ProseLineWords && units[i - 1 < 0 ? 0 : i - 1].BlankBefore ? i - 1 : i;
            if (end - start >= MenuRun)
            {
                for (var k = start; k < end; k++)
                {
                    units[k].Kind ??= BoilerplateKinds.Navigation;
                }
            }

            start = i + 1;
        }
    }

    private static bool IsMenuEntry(TextUnit u) =>
        u.Words is > 0 and <= MenuWords && !u.EndsSentence && !u.Text.EndsWith('?') && !u.IsHeading && !LinePatterns.ListMarker().IsMatch(u.Text) && !u.Text.Any(char.IsDigit);

    /// <summary>
    /// The last resort before a text is rejected as empty: every line that reads as prose (a few words, not a menu of
    /// separated labels) is kept again. Returns false when there is none: a menu, a list of links, a bare date.
    /// </summary>
    private static bool KeepProse(List<TextUnit> units)
    {
        var any = false;
        foreach (var u in units)
        {
            if (u.Words >= MinProseWords && !LinePatterns.Breadcrumb().IsMatch(u.Text))
            {
                u.Kind = null;
                u.IsTitle = false;
                any = true;
            }
        }

        return any;
    }

    /// <summary>The rules of a text dump (menus, line kinds, blocks, title, tails); returns the title and the date found.</summary>
    public static (string Title, DateTimeOffset? Published) ApplyRules(List<TextUnit> units)
    {
        MarkMenuRuns(units);
        var published = Classify(units, pickTitle: true, out var title);
        return (title, published);
    }

    /// <summary>Cleans already-split units; <paramref name="pickTitle"/> is false when the title came from elsewhere (HTML).</summary>
    public static TextCleanOutcome Clean(List<TextUnit> units, bool pickTitle)
    {
        var published = Classify(units, pickTitle, out var title);
        return new TextCleanOutcome(title, Assemble(units), published, CollectRemoved(units));
    }

    private static DateTimeOffset? Classify(List<TextUnit> units, bool pickTitle, out string title)
    {
        LineClassifier.ClassifySingleLines(units);
        var published = MarkDatelines(units);
        LineClassifier.MarkContactBlocks(units);
        LineClassifier.MarkRelatedLists(units);
        LineClassifier.MarkRepeats(units);

        title = string.Empty;
        if (pickTitle)
        {
            var at = TitlePicker.Pick(units);
            if (at >= 0)
            {
                units[at].IsTitle = true;
                title = units[at].Text;
                MarkHeader(units, at);
            }
        }

        TailCutter.Cut(units);
        LineClassifier.MarkCallsToAction(units);
        TailTrimmer.Trim(units);
        return published;
    }

    private static DateTimeOffset? MarkDatelines(List<TextUnit> units)
    {
        DateTimeOffset? published = null;
        for (var i = 0; i < units.Count; i++)
        {
            var u = units[i];
            if (u.Kind is null && u.Words <= 14 && DateLine.TryMatch(u.Text, out var date))
            {
                u.Kind = BoilerplateKinds.Dateline;
                published ??= i < 15 ? date : null;
            }
        }

        return published;
    }

    /// <summary>Short lines above the title are the site's masthead: tagline, menu words.</summary>
    private static void MarkHeader(List<TextUnit> units, int title)
    {
        for (var i = 0; i < title; i++)
        {
            var u = units[i];
            if (u.Kept && u.Words <= 10 && !u.EndsSentence)
            {
                u.Kind = BoilerplateKinds.SiteTagline;
            }
        }
    }

    public static string Assemble(List<TextUnit> units)
    {
        var sb = new StringBuilder();
        var previous = -2;
        for (var i = 0; i < units.Count; i++)
        {
            var u = units[i];
            if (!u.Kept)
            {
                continue;
            }

            if (sb.Length > 0)
            {
                sb.Append(u.BlankBefore || previous != i - 1 ? "\n\n" : "\n");
            }

            sb.Append(u.Text);
            previous = i;
        }

        return sb.ToString();
    }

    private static List<RemovedBlock> CollectRemoved(List<TextUnit> units)
    {
        var removed = new List<RemovedBlock>();
        var at = Offsets(units);
        for (var i = 0; i < units.Count; i++)
        {
            if (units[i].Kind is { } kind)
            {
                removed.Add(new RemovedBlock(kind, units[i].Text, at[i]));
            }
        }

        return removed;
    }

    /// <summary>
    /// For each unit, the length of the text <see cref="Assemble"/> makes from the kept units before it (where a
    /// removed unit stood); the last entry is the whole text's length.
    /// </summary>
    public static int[] Offsets(List<TextUnit> units)
    {
        var at = new int[units.Count + 1];
        var length = 0;
        var previous = -2;
        for (var i = 0; i < units.Count; i++)
        {
            at[i] = length;
            var u = units[i];
            if (u.Kept)
            {
                length += (length > 0 ? (u.BlankBefore || previous != i - 1 ? 2 : 1) : 0) + u.Text.Length;
                previous = i;
            }
        }

        at[units.Count] = length;
        return at;
    }
}
