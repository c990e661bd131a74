using Pipeline.Cleaning.Text;
using Pipeline.Cleaning.Training;

namespace Pipeline.Cleaning.Tests;

public sealed class LineAlignerTests
{
    private const string Gold = """
        Ingredients

        The soup keeps for three days in the fridge and freezes well for a month, so make a double batch when you can.
        Serve it hot with bread.
        """;

    private static float[] Label(string dump, string[]? with = null, string[]? without = null) =>
        LineAligner.Label(LineSplitter.Split(dump, markdown: false), Gold, with ?? [], without ?? []);

    [Fact]
    public void A_wrapped_paragraph_belongs_to_the_main_text_down_to_its_last_short_line()
    {
        var labels = Label("""
            The soup keeps for three days in the fridge and freezes
            well for a month, so make a double batch when you
            can.
            """);
        Assert.Equal([1f, 1f, 1f], labels);
    }

    [Fact]
    public void A_heading_that_is_a_whole_gold_line_is_main_text_but_a_menu_word_is_not()
    {
        var labels = Label("""
            Home
            Bread

            Ingredients

            Serve it hot with bread.
            """);
        Assert.Equal([0f, 0f, 1f, 1f], labels);
    }

    [Fact]
    public void A_line_of_other_words_is_boilerplate()
    {
        var labels = Label("""
            Sign up for our newsletter and never miss a recipe again.
            Serve it hot with bread.
            """);
        Assert.Equal([0f, 1f], labels);
    }

    [Fact]
    public void The_labelled_snippets_decide_over_the_overlap()
    {
        var labels = Label(
            """
            Serve it hot with bread.
            A double batch when you can, says our reader panel.
            """,
            with: ["A double batch when you can, says our reader panel."],
            without: ["Serve it hot with bread."]);
        Assert.Equal([0f, 1f], labels);
    }
}
