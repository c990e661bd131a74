using Pipeline.Cleaning.Text;

namespace Pipeline.Cleaning.Html;

/// <summary>Renders a whole page as a browser's "copy all" would: every visible block on its own line, nothing removed but controls.</summary>
internal static class PageTextRenderer
{
    public static string Render(string html)
    {
        var doc = HtmlParser.Parse(html);
        ContentScorer.Measure(doc.Root, inLink: false);
        BoilerplatePruner.Prune(doc.Root, [], light: true);
        var (units, _) = BlockRenderer.Render(doc.Root);
        return PlainTextCleaner.Assemble(units);
    }
}
