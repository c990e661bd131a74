using System.Text;

namespace Pipeline.Cleaning.Tests;

/// <summary>One test per boilerplate kind, on text written for these tests.</summary>
public sealed class PlainTextBoilerplateTests
{
    private static readonly DocumentCleaner Cleaner = new();

    private const string Title = "Why the Old Mill Pond Froze Early This Year";

    private const string Body1 = "Residents of Larkfield woke on the first of November to find the mill pond covered in a thin sheet of ice, three weeks earlier than anyone could remember.";

    private const string Body2 = "The parish council's weather volunteer, who has kept daily records since 1998, said the cold snap arrived with clear skies and almost no wind, which let the shallow water lose heat quickly overnight.";

    private const string Body3 = "Skaters were warned to stay off the ice until it has been measured, because the springs under the north bank keep that side thin even in a hard frost.";

    private static CleaningResult Clean(params string[] lines) =>
        Cleaner.Clean(new CleaningInput(Encoding.UTF8.GetBytes(string.Join("\n\n", lines)), "story.txt"));

    private static void AssertRemoved(CleaningResult result, string kind, string line)
    {
        Assert.DoesNotContain(line, result.Text, StringComparison.Ordinal);
        Assert.Contains(result.Removed, b => b.Kind == kind && b.Text == line);
        Assert.Contains(Body1, result.Text, StringComparison.Ordinal);
        Assert.Contains(Body3, result.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Share this article")]
    [InlineData("Facebook Twitter LinkedIn Email")]
    [InlineData("Pin it on Pinterest")]
    public void Removes_share_buttons_from_plain_text(string line) =>
        AssertRemoved(Clean(Title, Body1, Body2, Body3, line), BoilerplateKinds.ShareButtons, line);

    [Theory]
    [InlineData("Frozen pond at dawn © Provided by larkfieldnews.example")]
    [InlineData("Photo by Sam Reed on Unsplash")]
    [InlineData("Photograph: Parish council archive")]
    public void Removes_image_credits(string line) =>
        AssertRemoved(Clean(Title, Body1, line, Body2, Body3), BoilerplateKinds.ImageCredit, line);

    [Theory]
    [InlineData("image")]
    [InlineData("featured image")]
    [InlineData("[photo]")]
    public void Removes_image_placeholders(string line) =>
        AssertRemoved(Clean(line, Title, Body1, Body2, Body3), BoilerplateKinds.ImagePlaceholder, line);

    [Fact]
    public void Removes_a_contact_block_with_its_company_name()
    {
        var result = Clean(Title, Body1, Body2, Body3, "Larkfield Gazette Ltd", "Address: 4 Quay Street, Larkfield LF1 2AB", "Phone: 01632 960 123", "Website: https://larkfield.example", "Instagram: @larkfieldgazette");
        foreach (var line in new[] { "Larkfield Gazette Ltd", "Address: 4 Quay Street, Larkfield LF1 2AB", "Phone: 01632 960 123", "Instagram: @larkfieldgazette" })
        {
            AssertRemoved(result, BoilerplateKinds.ContactBlock, line);
        }
    }

    [Fact]
    public void Keeps_a_single_website_mention_inside_a_list()
    {
        var item = "  • The Pond Trust: volunteers who survey the water. Website: https://pondtrust.example";
        var result = Clean(Title, Body1, Body2, item, Body3);
        Assert.Contains("Website: https://pondtrust.example", result.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Copyright © 2025 Larkfield Gazette | Theme by Example Studio")]
    [InlineData("© 2025 Larkfield Gazette. All rights reserved.")]
    public void Removes_copyright_footers(string line) =>
        AssertRemoved(Clean(Title, Body1, Body2, Body3, line), BoilerplateKinds.Copyright, line);

    [Fact]
    public void Removes_a_call_to_action_line()
    {
        var line = "Read more about winter safety";
        AssertRemoved(Clean(Title, Body1, Body2, Body3, line), BoilerplateKinds.CallToAction, line);
    }

    [Fact]
    public void Removes_an_about_us_promotion_after_the_article()
    {
        var cta = "Find out how we can help your pond.";
        var about = "At Pondcare, we have cleaned and restored village ponds for thirty years, and our team offers free surveys across the county.";
        var brand = "Pondcare";
        var pitch = "Whatever the season, Pondcare keeps your water clear, safe and full of life with a maintenance plan built around you.";
        var result = Clean(Title, Body1, Body2, Body3, cta, about, brand, pitch);
        AssertRemoved(result, BoilerplateKinds.CallToAction, cta);
        AssertRemoved(result, BoilerplateKinds.Promotion, about);
        AssertRemoved(result, BoilerplateKinds.Promotion, pitch);
        Assert.DoesNotContain(brand + "\n", result.Text + "\n", StringComparison.Ordinal);
    }

    [Fact]
    public void Keeps_a_closing_paragraph_that_mentions_booking_within_the_article()
    {
        var closing = "If the ice worries you, call the parish office to book an appointment with the warden, who will check the pond for you.";
        var result = Clean(Title, Body1, Body2, Body3, closing);
        Assert.Contains(closing, result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Keeps_a_short_imperative_closing_line_that_sells_nothing()
    {
        var closing = "Call the warden before you step on the ice.";
        var result = Clean(Title, Body1, Body2, Body3, closing);
        Assert.Contains(closing, result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Removes_the_site_tagline_above_the_title()
    {
        var tagline = "News from the valley villages";
        var result = Clean(tagline, Title, Body1, Body2, Body3);
        Assert.Equal(Title, result.Title);
        AssertRemoved(result, BoilerplateKinds.SiteTagline, tagline);
    }

    [Theory]
    [InlineData("Home > News > Weather")]
    [InlineData("Skip to content")]
    public void Removes_navigation_and_breadcrumbs(string line) =>
        AssertRemoved(Clean(line, Title, Body1, Body2, Body3), BoilerplateKinds.Navigation, line);

    [Fact]
    public void Removes_cookie_notices()
    {
        var line = "We use cookies to improve your experience. By continuing to browse you accept our cookie policy.";
        AssertRemoved(Clean(Title, Body1, Body2, Body3, line), BoilerplateKinds.CookieNotice, line);
    }

    [Fact]
    public void Removes_newsletter_notices()
    {
        var line = "Sign up for our newsletter and get village news delivered to your inbox.";
        AssertRemoved(Clean(Title, Body1, Body2, Body3, line), BoilerplateKinds.Newsletter, line);
    }

    [Fact]
    public void Removes_a_related_links_list()
    {
        var result = Clean(Title, Body1, Body2, Body3, "Related posts", "Ten winter walks around Larkfield", "The history of the mill");
        AssertRemoved(result, BoilerplateKinds.RelatedLinks, "Related posts");
        AssertRemoved(result, BoilerplateKinds.RelatedLinks, "Ten winter walks around Larkfield");
    }

    [Fact]
    public void Removes_a_repeated_sentence_but_keeps_its_first_occurrence()
    {
        var result = Clean(Title, Body1, Body2, Body1, Body3);
        Assert.Equal(result.Text.IndexOf(Body1, StringComparison.Ordinal), result.Text.LastIndexOf(Body1, StringComparison.Ordinal));
        Assert.Contains(result.Removed, b => b.Kind == BoilerplateKinds.Repeated);
    }

    [Theory]
    [InlineData("Nov 02, 2024", 2024, 11, 2)]
    [InlineData("Published on 2 November 2024", 2024, 11, 2)]
    [InlineData("2024-11-02", 2024, 11, 2)]
    public void Moves_the_dateline_into_published(string line, int year, int month, int day)
    {
        var result = Clean(Title, line, Body1, Body2, Body3);
        Assert.Equal(new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero), result.Published);
        AssertRemoved(result, BoilerplateKinds.Dateline, line);
    }

    [Fact]
    public void Keeps_paragraphs_apart_and_list_items_on_their_own_lines()
    {
        var text = $"{Title}\n\n{Body1}\n\n  • First item\n  • Second item\n\n{Body2}";
        var result = Cleaner.Clean(new CleaningInput(Encoding.UTF8.GetBytes(text), "a.txt"));
        Assert.Equal($"{Body1}\n\n• First item\n• Second item\n\n{Body2}", result.Text);
    }

    [Fact]
    public void Takes_the_markdown_heading_as_title()
    {
        var result = Cleaner.Clean(new CleaningInput(Encoding.UTF8.GetBytes($"# {Title}\n\n{Body1}\n\n## Measurements\n\n{Body2}"), "a.md"));
        Assert.Equal(Title, result.Title);
        Assert.Contains("Measurements", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Detects_the_language()
    {
        Assert.Equal("en", Clean(Title, Body1, Body2, Body3).Language);
        var german = Cleaner.Clean(new CleaningInput(Encoding.UTF8.GetBytes("Der Teich\n\nDer Teich ist in diesem Jahr früh zugefroren, und die Kinder sind mit dem Schlitten auf das Eis gegangen, obwohl es noch nicht dick genug war."), "de.txt"));
        Assert.Equal("de", german.Language);
    }
}
