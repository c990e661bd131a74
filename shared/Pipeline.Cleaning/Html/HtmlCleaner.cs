using System.Text;
using Pipeline.Cleaning.Text;

namespace Pipeline.Cleaning.Html;

/// <summary>HTML pipeline: parse, prune obvious boilerplate, pick the main element, render it, then classify its lines.</summary>
internal static class HtmlCleaner
{
    /// <summary>A line mostly made of link text inside the main block is a link list (related posts, tag clouds).</summary>
    private const double LinkListShare = 0.7;

    /// <summary>When the best prose element holds less than this share of the page's text, the page is scored as a list page.</summary>
    private const double LenientBelow = 0.3;

    /// <summary>A marked article element inside the chosen block wins when it carries this share of the block's score.</summary>
    private const double NarrowShare = 0.6;

    /// <summary>The last-resort pass is kept only when it found this many words of running sentences, not just menus.</summary>
    private const int MinFallbackProseWords = 40;

    /// <summary>A line counts as running text when it has this many words and ends a sentence.</summary>
    private const int ProseLineWords = 8;

    /// <summary>A page body with less text than this (letters, not spaces) is a shell filled in by scripts.</summary>
    private const int ShellChars = 300;

    /// <summary>Running text has a comma or separator every few words at most; lists of labels have one after each.</summary>
    private const int MinWordsPerSeparator = 4;

    public static CleaningResult Clean(string html, Uri? url, CleaningOptions options)
    {
        _ = options;
        var doc = HtmlParser.Parse(html);
        var h1s = TextsOf(doc.Root, "h1", max: 5);
        var meta = MetadataReader.Read(doc, url);
        var title = TitleChooser.Choose(meta, h1s);
        var removed = new List<RemovedBlock>();
        var outcome = Extract(doc.Root, title, removed, light: false);
        if (outcome.Body.Length == 0)
        {
            // Nothing survived: the page's own markings misled the pruning (a whole column classed as a widget, a
            // main element holding a banner). Extract again with only controls removed, and as a last resort keep
            // the article body a script-rendered page gives in its structured data.
            removed.Clear();
            var reparsed = HtmlParser.Parse(html).Root;
            outcome = Extract(reparsed, title, removed, light: true);
            if (ProseWords(outcome.Body) < MinFallbackProseWords)
            {
                // Menus and labels only: no prose, nothing to keep. A script-rendered shell (a body without text)
                // keeps the article body its structured data carries, or a description long enough to be an excerpt
                // of its text; a snippet of a sentence or two is written about the page (a search result's blurb),
                // and a shell offering only that is a script-only page.
                var shell = reparsed.TextChars < ShellChars && meta.Description is { } description
                    && (WordCount(description) >= MinFallbackProseWords || JsonLdFields.Read(doc.JsonLd).Body is not null);
                outcome = outcome with { Body = shell ? meta.Description ?? string.Empty : string.Empty, Removed = [.. outcome.Removed.Select(r => r with { Offset = null })] };
                removed = [.. removed.Select(r => r with { Offset = null })];
            }
        }

        removed.AddRange(outcome.Removed);
        var language = meta.Language ?? LanguageDetector.Detect(outcome.Body);
        return new CleaningResult(title, outcome.Body, meta.Published ?? outcome.Published, meta.Author, meta.SiteName, language, removed);
    }

    /// <summary>Prunes, picks the main block and classifies its lines; <paramref name="light"/> is the last-resort pass.</summary>
    private static TextCleanOutcome Extract(HtmlNode root, string title, List<RemovedBlock> removed, bool light)
    {
        ContentScorer.Measure(root, inLink: false);
        var first = removed.Count;
        var pruned = new List<HtmlNode>();
        BoilerplatePruner.Prune(root, removed, light, pruned);
        ContentScorer.Measure(root, inLink: false);
        if (!light && (OtherStories.Cut(root, title, removed, pruned) | RelatedSections.Cut(root, title, removed, pruned)))
        {
            ContentScorer.Measure(root, inLink: false);
        }

        ContentScorer.Score(root, root, inLink: false);
        var main = MainSelector.Select(root);
        var lenient = light || main.TextChars < root.TextChars * LenientBelow;
        if (lenient)
        {
            // The best prose block holds little of the page: the content is probably a list of linked items.
            ContentScorer.Score(root, root, inLink: false, lenient: true);
            main = MainSelector.Select(root);
        }

        if (!lenient)
        {
            main = MainSelector.JoinSections(MainSelector.Widen(MainSelector.Narrow(main, NarrowShare)), root);
        }

        var removedAt = new Dictionary<HtmlNode, int>();
        var (units, linkShares) = BlockRenderer.Render(main, removedAt);
        for (var i = 0; i < units.Count; i++)
        {
            var u = units[i];
            if (u.IsHeading && u.Text.Equals(title, StringComparison.OrdinalIgnoreCase))
            {
                u.IsTitle = true;
            }
            else if (!lenient && linkShares[i] >= LinkListShare && u.Words <= 12 && !u.IsHeading)
            {
                u.Kind = BoilerplateKinds.LinkList;
            }
        }

        MarkAboveTitle(units);
        var outcome = PlainTextCleaner.Clean(units, pickTitle: false);
        Place(root, main, pruned, removedAt, PlainTextCleaner.Offsets(units), removed, first);
        return outcome;
    }

    /// <summary>
    /// Gives each pruned block the position where it stood in the text: inside the main element, before the first
    /// line rendered after it; outside, at the start (above the main element) or at the end (below it).
    /// </summary>
    private static void Place(HtmlNode root, HtmlNode main, List<HtmlNode> pruned, Dictionary<HtmlNode, int> removedAt, int[] at, List<RemovedBlock> removed, int first)
    {
        var above = new HashSet<HtmlNode>();
        var candidates = new HashSet<HtmlNode>(pruned);
        var stack = new Stack<HtmlNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            if (n == main)
            {
                break;
            }

            if (candidates.Contains(n))
            {
                above.Add(n);
                continue;
            }

            if (n.Children is { } kids)
            {
                for (var i = kids.Count - 1; i >= 0; i--)
                {
                    if (!kids[i].IsText)
                    {
                        stack.Push(kids[i]);
                    }
                }
            }
        }

        for (var k = 0; k < pruned.Count; k++)
        {
            var node = pruned[k];
            var offset = removedAt.TryGetValue(node, out var unit) ? at[Math.Min(unit, at.Length - 1)] : above.Contains(node) ? 0 : at[^1];
            removed[first + k] = removed[first + k] with { Offset = offset };
        }
    }

    private static int WordCount(string text)
    {
        var n = 0;
        foreach (var _ in new WordEnumerator(text))
        {
            n++;
        }

        return n;
    }

    private static int ProseWords(string body)
    {
        var words = 0;
        foreach (var range in body.AsSpan().Split('\n'))
        {
            var line = body.AsSpan(range).TrimEnd();
            if (line.Length > 0 && line[^1] is '.' or '!' or '?' or '。' or '"' or '”' or ')')
            {
                var n = 0;
                foreach (var _ in new WordEnumerator(line))
                {
                    n++;
                }

                var separators = line.Count(',') + line.Count('|') + line.Count(" - ") + line.Count('/') + line.Count('·') + line.Count('•');
                words += n >= ProseLineWords && n >= MinWordsPerSeparator * separators ? n : 0;
            }
        }

        return words;
    }

    /// <summary>Short lines above the article's own heading are its furniture: category labels, breadcrumbs, "Sponsored".</summary>
    private static void MarkAboveTitle(List<TextUnit> units)
    {
        var title = units.FindIndex(u => u.IsTitle);
        if (title <= 0 || title > units.Count / 3)
        {
            return;
        }

        for (var i = 0; i < title; i++)
        {
            if (units[i].Kind is null && units[i].Words <= 8 && !units[i].EndsSentence)
            {
                units[i].Kind = BoilerplateKinds.Navigation;
            }
        }
    }

    private static List<string> TextsOf(HtmlNode root, string tag, int max)
    {
        var found = new List<string>();
        var stack = new Stack<HtmlNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            if (n.Tag == tag)
            {
                var s = BoilerplatePruner.Summary(n);
                if (s.Length > 0)
                {
                    found.Add(s);
                }

                if (found.Count >= max)
                {
                    break;
                }

                continue;
            }

            if (n.Children is { } kids)
            {
                for (var i = kids.Count - 1; i >= 0; i--)
                {
                    if (!kids[i].IsText)
                    {
                        stack.Push(kids[i]);
                    }
                }
            }
        }

        return found;
    }
}
