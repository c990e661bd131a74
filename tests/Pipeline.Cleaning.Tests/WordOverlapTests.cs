using Pipeline.Cleaning.Evaluation;

namespace Pipeline.Cleaning.Tests;

public sealed class WordOverlapTests
{
    [Fact]
    public void Scores_identical_text_as_one()
    {
        var (p, r, f) = WordOverlap.Score("The cat sat.", "the CAT sat");
        Assert.Equal((1.0, 1.0, 1.0), (p, r, f));
    }

    [Fact]
    public void Counts_repeated_words_as_a_multiset()
    {
        // Predicted "a a a b", expected "a b b": overlap is min(3,1) + min(1,2) = 2.
        var (p, r, f) = WordOverlap.Score("a a a b", "a b b");
        Assert.Equal(0.5, p, 6);
        Assert.Equal(2.0 / 3, r, 6);
        Assert.Equal(2 * 0.5 * (2.0 / 3) / (0.5 + 2.0 / 3), f, 6);
    }

    [Fact]
    public void Scores_disjoint_text_as_zero() => Assert.Equal(0, WordOverlap.Score("alpha", "beta").F1);
}
