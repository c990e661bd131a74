using Pipeline.Tagging.Text;

namespace Pipeline.Tagging.Tests;

public sealed class SentenceSplitterTests
{
    private static List<string> Sentences(string text)
    {
        var buffer = new TokenBuffer(16);
        Tokenizer.Tokenize(text, ref buffer);
        var ends = new List<int>();
        SentenceSplitter.Split(text, buffer.Span, ends);
        var result = new List<string>();
        var start = 0;
        foreach (var end in ends)
        {
            result.Add(text[buffer[start].Start..buffer[end - 1].End]);
            start = end;
        }

        return result;
    }

    [Fact]
    public void Splits_at_terminal_punctuation_before_a_capital() =>
        Assert.Equal(["It hurts.", "Does it?", "Yes!"], Sentences("It hurts. Does it? Yes!"));

    [Fact]
    public void Does_not_split_after_titles_initials_or_et_al() =>
        Assert.Single(Sentences("Dr. Smith and J. Doe et al. Reported it."));

    [Fact]
    public void Does_not_split_decimals_or_lowercase_continuations() =>
        Assert.Single(Sentences("The dose was 0.5 mg. and then it rose."));

    [Fact]
    public void Splits_at_line_breaks_between_headings_and_bullets() =>
        Assert.Equal(["Side Effects", "\u2022 Nausea", "\u2022 Headache"], Sentences("Side Effects\n\u2022 Nausea\n\u2022 Headache"));

    [Fact]
    public void Cuts_runaway_sentences_at_the_maximum_length()
    {
        var text = string.Join(' ', Enumerable.Repeat("word", 1000));
        var sentences = Sentences(text);
        Assert.True(sentences.Count >= 1000 / SentenceSplitter.MaxSentenceTokens);
    }
}
