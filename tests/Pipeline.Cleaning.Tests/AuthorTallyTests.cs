using Pipeline.Cleaning.Evaluation;

namespace Pipeline.Cleaning.Tests;

/// <summary>The evaluation's author match: the same person however the byline spells the list, the case or the accents.</summary>
public sealed class AuthorTallyTests
{
    [Theory]
    [InlineData("Chen Zhao, Daryl Fairweather", "Chen Zhao and Daryl Fairweather")]
    [InlineData("Rui Ma, Heba Ledwon & Suparn Patra", "Heba Ledwon")]
    [InlineData("Dylan Bailey, MS, RD", "Dylan Bailey")]
    [InlineData("Sergio Martínez-Beltrán | The Texas Newsroom", "Sergio Martinez-Beltran")]
    [InlineData("Matt Brooks", "Matt_Brooks")]
    [InlineData("hackermondev (Daniel)", "hackermondev")]
    [InlineData("Kaufman, Jeff T.", "Jeff Kaufman")]
    [InlineData("Aniruddha Roy", "Roy, Aniruddha")]
    [InlineData("Emery Berger", "Emery D. Berger")]
    [InlineData("GURUS - Drupal", "GURUS")]
    [InlineData("Ben", "Ben Nadel")]
    [InlineData("JANE DOE", "Jane Doe")]
    public void Counts_the_same_person_as_found(string labelled, string found) =>
        Assert.True(AuthorTally.Matches(labelled, found));

    [Theory]
    [InlineData("Brett Larkin", "Brett")]
    [InlineData("Jane Doe", "John Doe")]
    [InlineData("Ann Lee and Bo Chan", "Cy Diaz")]
    [InlineData("Jane Doe", "Harbour News")]
    [InlineData("Jeff Kaufman", "Jeff")]
    [InlineData("Jane Doe", null)]
    public void Counts_another_name_or_a_lone_first_name_as_not_found(string labelled, string? found) =>
        Assert.False(AuthorTally.Matches(labelled, found));

    [Fact]
    public void Rates_found_labels_and_wrong_authors_on_pages_without_one()
    {
        var tally = new AuthorTally();
        tally.Add("Jane Doe", "Jane Doe");
        tally.Add("Ann Lee", null);
        tally.Add(null, "Harbour News");
        tally.Add(null, null);
        tally.Add(string.Empty, null);
        Assert.Equal(0.5, tally.Accuracy, 3);
        Assert.Equal(1 / 3.0, tally.WrongRate, 3);
    }
}
