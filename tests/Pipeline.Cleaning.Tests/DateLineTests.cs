using Pipeline.Cleaning.Text;

namespace Pipeline.Cleaning.Tests;

/// <summary>Date lines are found with and without the four-digit-year gate in front of the pattern.</summary>
public sealed class DateLineTests
{
    [Theory]
    [InlineData("March 2, 2022", 2022, 3, 2)]
    [InlineData("Published: 2 March 2022", 2022, 3, 2)]
    [InlineData("Posted on March 2nd, 2022", 2022, 3, 2)]
    [InlineData("2022-03-02 | By Sam Reed", 2022, 3, 2)]
    public void Reads_a_line_that_is_a_date(string line, int year, int month, int day)
    {
        Assert.True(DateLine.TryMatch(line, out var date));
        Assert.Equal(new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero), date);
    }

    [Theory]
    [InlineData("March 2, 22")]
    [InlineData("The pond froze on 2 March")]
    [InlineData("Call 555-0123")]
    [InlineData("")]
    public void A_line_without_a_four_digit_year_is_not_a_date(string line) => Assert.False(DateLine.TryMatch(line, out _));
}
