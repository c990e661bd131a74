using System.Text.RegularExpressions;
using Pipeline.Cleaning.Text;

namespace Pipeline.Cleaning.Tests;

/// <summary>The navigation words, now two patterns behind an arrow gate, select exactly the lines the single pattern selected.</summary>
public sealed class NavigationWordTests
{
    /// <summary>The pattern as it was written before it was split (kept verbatim as the reference).</summary>
    private static readonly Regex Reference = new(
        @"^(skip to (main )?(content|navigation)|toggle navigation|main menu|menu|search|home|back to top|scroll to top|previous( post| article)?|next( post| article)?|(«|‹|<)\s*(previous|prev|older)\b.*|.*\b(next|newer)\s*(»|›|>))[\s:.]*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    public static readonly TheoryData<string> Lines = new(
        "Skip to content", "skip to main navigation", "Toggle navigation", "Main menu", "MENU", "Search:", "Home", "Back to top", "Scroll to top",
        "Previous", "Previous post", "previous article", "Next", "Next post", "Next article.", "« Previous", "‹ prev page", "< Older posts",
        "Older posts ›", "Next »", "Read the next story >", "newer >", "Next Story »  ", "The next chapter begins", "Next to the river › ",
        "A > B > next", "next»", "Knext »", "\u212Anext »", "NEXT ›", "Menu of the day", "Homepage", "« Back", string.Empty, " >", "»",
        "Why the old mill pond froze early this year, and what the parish council said next > the river",
        string.Concat(Enumerable.Repeat("next ", 100)) + "»");

    [Theory]
    [MemberData(nameof(Lines))]
    public void Splitting_selects_the_same_lines_as_the_single_pattern(string line)
    {
        foreach (var variant in new[] { line, line.ToUpperInvariant(), "x" + line, line + " »", line + ":" })
        {
            Assert.Equal(Reference.IsMatch(variant), LineClassifier.IsNavigationWord(variant));
        }
    }

    [Fact]
    public void Navigation_words_are_recognised()
    {
        Assert.True(LineClassifier.IsNavigationWord("Skip to content"));
        Assert.True(LineClassifier.IsNavigationWord("See what comes next »"));
        Assert.False(LineClassifier.IsNavigationWord("The next chapter begins"));
    }
}
