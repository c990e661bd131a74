using Pipeline.Tagging.Text;

namespace Pipeline.Tagging.Tests;

public sealed class TokenizerTests
{
    private static List<string> Tokens(string text)
    {
        var buffer = new TokenBuffer(16);
        Tokenizer.Tokenize(text, ref buffer);
        var result = new List<string>();
        foreach (var t in buffer.Span)
        {
            Assert.Equal(t.End - t.Start, t.Length);
            result.Add(text[t.Start..t.End]);
        }

        return result;
    }

    [Fact]
    public void Splits_hyphens_so_a_drug_inside_a_compound_adjective_is_addressable() =>
        Assert.Equal(["clonidine", "-", "induced", "hypotension"], Tokens("clonidine-induced hypotension"));

    [Fact]
    public void Splits_slashes_in_paired_names() =>
        Assert.Equal(["ME", "/", "CFS", "and", "5", "/", "6"], Tokens("ME/CFS and 5/6"));

    [Fact]
    public void Separates_straight_and_curly_apostrophes() =>
        Assert.Equal(["ketamine", "\u2019", "s", "and", "Parkinson", "'", "s"], Tokens("ketamine\u2019s and Parkinson's"));

    [Fact]
    public void Treats_bullets_and_curly_quotes_as_their_own_tokens() =>
        Assert.Equal(["\u2022", "Nausea", "\u201C", "fog", "\u201D"], Tokens("  \u2022 Nausea \u201Cfog\u201D"));

    [Fact]
    public void Keeps_surrogate_pairs_and_combining_marks_whole()
    {
        var text = "caf\u0065\u0301 \U0001F600 \u6F22\u5B57";
        Assert.Equal(["caf\u0065\u0301", "\U0001F600", "\u6F22\u5B57"], Tokens(text));
    }

    [Fact]
    public void Skips_control_and_zero_width_characters() =>
        Assert.Equal(["a", "b"], Tokens("\u0000a\u200B\u0007b\r\n"));

    [Fact]
    public void Marks_whether_a_token_follows_whitespace()
    {
        var buffer = new TokenBuffer(4);
        Tokenizer.Tokenize("a-b c", ref buffer);
        Assert.Equal([true, false, false, true], buffer.Span.ToArray().Select(t => t.SpaceBefore));
    }
}
