using System.Buffers;
using Pipeline.Cleaning.Text;

namespace Pipeline.Cleaning.Tests;

/// <summary>The credit and footer gates look for "©" apart from their words and let exactly the same lines through as one search for all of them.</summary>
public sealed class LineClassifierGateTests
{
    [Fact]
    public void No_non_ascii_character_equals_an_ascii_letter_or_the_copyright_sign_ignoring_case()
    {
        Span<char> other = stackalloc char[1];
        Span<char> letter = stackalloc char[1];
        for (var c = 128; c <= char.MaxValue; c++)
        {
            other[0] = (char)c;
            foreach (var a in "abcdefghijklmnopqrstuvwxyz©")
            {
                letter[0] = a;
                Assert.True(c == '©' || !MemoryExtensions.Equals(other, letter, StringComparison.OrdinalIgnoreCase), $"U+{c:X4} equals {a}");
            }
        }
    }

    [Theory]
    [InlineData(nameof(LineClassifier.CreditWordList))]
    [InlineData(nameof(LineClassifier.FooterWordList))]
    public void The_split_gate_passes_the_same_lines_as_one_search(string list)
    {
        var words = list == nameof(LineClassifier.CreditWordList) ? LineClassifier.CreditWordList : LineClassifier.FooterWordList;
        var together = SearchValues.Create(["©", .. words], StringComparison.OrdinalIgnoreCase);
        var split = SearchValues.Create(words, StringComparison.OrdinalIgnoreCase);
        var lines = new List<string> { "©", "© 2024 Larkfield", "Photo ©Sam", "nothing here", "(C) 2020", "\u212Aelvin shutterstoc\u212A", "\u017Fource", "PIXABAY", "pixa\u0130ay", string.Empty };
        foreach (var word in words)
        {
            for (var i = 0; i < word.Length; i++)
            {
                foreach (var c in "\u212A\u017F\u0130\u0131\u00A9\u00E9\u00C9Xx")
                {
                    lines.Add("A line with " + word[..i] + c + word[(i + 1)..] + " in it");
                }
            }

            lines.Add(word.ToUpperInvariant());
            lines.Add("Credit: " + word + " ©");
        }

        foreach (var line in lines)
        {
            Assert.True(line.AsSpan().IndexOfAny(together) >= 0 == LineClassifier.HasCopyrightSignOr(line, split), line);
        }
    }
}
