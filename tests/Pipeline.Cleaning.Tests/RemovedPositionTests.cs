using System.IO.Compression;
using System.Text;

namespace Pipeline.Cleaning.Tests;

/// <summary>Each removed block knows where it stood in the cleaned text, so a reader can see it in place.</summary>
public sealed class RemovedPositionTests
{
    private static readonly DocumentCleaner Cleaner = new();

    private const string First = "Ketamine given in the emergency room eased the pain of most patients within twenty minutes, the trial found.";
    private const string Second = "The doses were small, and none of the patients needed help breathing afterwards, the authors reported.";

    private static CleaningResult Html(string html) =>
        Cleaner.Clean(new CleaningInput(Encoding.UTF8.GetBytes(html), "page.html", "text/html; charset=utf-8"));

    /// <summary>A position is at the start, at the end, or at the end of a kept line (before its line break).</summary>
    private static void AssertAtLineEnds(CleaningResult result, string name)
    {
        foreach (var block in result.Removed)
        {
            Assert.True(block.Offset is { } at && at >= 0 && at <= result.Text.Length && (at == 0 || at == result.Text.Length || result.Text[at] == '\n'),
                $"{name}: {block.Kind} '{block.Text}' at {block.Offset} of {result.Text.Length}.");
        }
    }

    [Fact]
    public void Html_blocks_pruned_above_inside_and_below_the_article_stand_at_the_start_between_its_paragraphs_and_at_the_end()
    {
        var result = Html($"""
            <html><head><title>Ketamine in the emergency room</title></head><body>
            <nav><a href="/">Home</a> <a href="/health">Health</a> <a href="/news">News</a></nav>
            <article><h1>Ketamine in the emergency room</h1>
            <p>{First}</p>
            <div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
            <p>{Second}</p></article>
            <footer>Copyright 2026 The Health Desk. All rights reserved.</footer>
            </body></html>
            """);

        Assert.Equal(First + "\n\n" + Second, result.Text);
        Assert.Equal(0, result.Removed.Single(b => b.Text.StartsWith("Home", StringComparison.Ordinal)).Offset);
        Assert.Equal(First.Length, result.Removed.Single(b => b.Text.StartsWith("Share on Facebook", StringComparison.Ordinal)).Offset);
        Assert.Equal(result.Text.Length, result.Removed.Single(b => b.Text.StartsWith("Copyright", StringComparison.Ordinal)).Offset);
    }

    [Fact]
    public void A_credit_line_between_paragraphs_of_a_text_stands_after_the_first()
    {
        var text = $"Ketamine in the emergency room\n\n{First}\n\nImage: Getty Images\n\n{Second}\n";
        var result = Cleaner.Clean(new CleaningInput(Encoding.UTF8.GetBytes(text), "story.txt"));

        Assert.Equal(First + "\n\n" + Second, result.Text);
        var credit = Assert.Single(result.Removed);
        Assert.Equal(First.Length, credit.Offset);
    }

    [Fact]
    public void Every_removed_block_of_the_seeds_and_of_real_pages_stands_at_a_line_end_of_the_text()
    {
        foreach (var file in Directory.GetFiles(TestData.Path("seeds"), "*.txt"))
        {
            AssertAtLineEnds(Cleaner.Clean(new CleaningInput(File.ReadAllBytes(file), Path.GetFileName(file))), Path.GetFileName(file));
        }

        var pages = Directory.GetFiles(TestData.Path("datasets", "wcxb-dev", "html"), "*.html.gz").Order(StringComparer.Ordinal).Where((_, i) => i % 50 == 0);
        foreach (var page in pages)
        {
            using var gzip = new GZipStream(File.OpenRead(page), CompressionMode.Decompress);
            using var bytes = new MemoryStream();
            gzip.CopyTo(bytes);
            try
            {
                AssertAtLineEnds(Cleaner.Clean(new CleaningInput(bytes.ToArray(), "page.html", "text/html")), Path.GetFileName(page));
            }
            catch (CleaningRejectedException)
            {
                // A page with nothing left has no text to place blocks in.
            }
        }
    }

    [Fact]
    public void Site_template_lines_take_their_place_and_earlier_blocks_keep_theirs()
    {
        const string pitch = "Larkfield Gazette is an independent weekly paper owned by its readers.";
        CleaningResult Story(string body, string more) =>
            Cleaner.Clean(new CleaningInput(Encoding.UTF8.GetBytes($"Village news\n\n{body}\n\n{pitch}\n\nImage: Getty Images\n\n{more}\n"), "story.txt"));
        var template = SiteTemplateLearner.Hash(pitch);

        var result = SiteTemplateLearner.Apply(Story(First, Second), h => h == template);

        Assert.Equal(First + "\n\n" + Second, result.Text);
        Assert.Equal(First.Length, result.Removed.Single(b => b.Kind == BoilerplateKinds.SiteTemplate && b.Text == pitch).Offset);
        Assert.Equal(First.Length, result.Removed.Single(b => b.Text == "Image: Getty Images").Offset);
        AssertAtLineEnds(result, "template");
    }
}
