using System.Text;

namespace Pipeline.Cleaning.Tests;

/// <summary>A whole web page copied as text (written for this test): menus, byline, share row, recipe, related list, comment form, footer.</summary>
public sealed class TextDumpTests
{
    private const string Dump = """
        Skip to content
        Home | Recipes | About | Contact
        Search

        The Hill Kitchen

        Slow Cooker Lentil Soup With Smoked Paprika

        By Mara Ellis
        Updated January 14, 2025
        5 min read

        Share on Facebook
        Tweet
        Email

        This soup is the one I make every week once the evenings get dark: it costs almost nothing, it keeps for days, and the smoked paprika makes it taste as if it had been on the stove all afternoon.

        Ingredients

        - 250 g red lentils, rinsed
        - 1 onion, chopped
        - 1 tsp smoked paprika

        Method

        Put everything in the slow cooker, stir, and cook on low for six hours or on high for three.

        Jump to Recipe
        Print Recipe

        Did you make this recipe? Leave a comment below!

        Related Posts
        Easy Weeknight Dal
        Roasted Carrot and Ginger Soup

        Leave a Reply
        Your email address will not be published. Required fields are marked *

        © 2025 The Hill Kitchen. All rights reserved.
        Privacy Policy | Terms of Use | Contact
        """;

    private static readonly CleaningResult Result = new DocumentCleaner().Clean(new CleaningInput(Encoding.UTF8.GetBytes(Dump), "soup.txt"));

    [Fact]
    public void Keeps_exactly_the_recipe()
    {
        const string expected = """
            This soup is the one I make every week once the evenings get dark: it costs almost nothing, it keeps for days, and the smoked paprika makes it taste as if it had been on the stove all afternoon.

            Ingredients

            - 250 g red lentils, rinsed
            - 1 onion, chopped
            - 1 tsp smoked paprika

            Method

            Put everything in the slow cooker, stir, and cook on low for six hours or on high for three.
            """;
        Assert.Equal(expected.ReplaceLineEndings("\n"), Result.Text);
    }

    [Fact]
    public void Reads_title_and_date_from_the_dump()
    {
        Assert.Equal("Slow Cooker Lentil Soup With Smoked Paprika", Result.Title);
        Assert.Equal(new DateTimeOffset(2025, 1, 14, 0, 0, 0, TimeSpan.Zero), Result.Published);
    }

    [Fact]
    public void Names_each_removed_kind()
    {
        var kinds = Result.Removed.Select(b => b.Kind).ToHashSet();
        Assert.Superset(
            new HashSet<string>
            {
                BoilerplateKinds.Navigation, BoilerplateKinds.SiteTagline, BoilerplateKinds.Byline, BoilerplateKinds.Dateline,
                BoilerplateKinds.ShareButtons, BoilerplateKinds.Comments, BoilerplateKinds.RelatedLinks, BoilerplateKinds.Copyright,
            },
            kinds);
    }
}
