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

    public static CleaningResult Clean(string html, Uri? url, CleaningOptions options)
    {
        _ = options;
        var doc = HtmlParser.Parse(html);
        var root = doc.Root;
        var h1s = TextsOf(root, "h1", max: 5);

        ContentScorer.Measure(root, inLink: false);
        var removed = new List<RemovedBlock>();
        BoilerplatePruner.Prune(root, removed);
        ContentScorer.Measure(root, inLink: false);
        ContentScorer.Score(root, root, inLink: false);
        var main = MainSelector.Select(root);
        var lenient = main.TextChars < root.TextChars * LenientBelow;
        if (lenient)
        {
            // The best prose block holds little of the page: the content is probably a list of linked items.
            ContentScorer.Score(root, root, inLink: false, lenient: true);
            main = MainSelector.Select(root);
        }

        if (!lenient)
        {
            main = MainSelector.Narrow(main, NarrowShare);
        }

        var (units, linkShares) = BlockRenderer.Render(main);
        var meta = MetadataReader.Read(doc, url);
        var title = TitleChooser.Choose(meta, h1s);
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
        removed.AddRange(outcome.Removed);
        var language = meta.Language ?? LanguageDetector.Detect(outcome.Body);
        return new CleaningResult(title, outcome.Body, meta.Published ?? outcome.Published, meta.Author, meta.SiteName, language, removed);
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
