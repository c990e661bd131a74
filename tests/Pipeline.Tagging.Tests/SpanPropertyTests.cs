namespace Pipeline.Tagging.Tests;

/// <summary>
/// Properties over many generated texts (pieces of the development abstracts and seeds, reshuffled with
/// random punctuation, whitespace and scripts): spans slice the input exactly, are sorted and never overlap.
/// </summary>
public sealed class SpanPropertyTests
{
    private static readonly EntityTagger Tagger = EntityTagger.LoadDefault();

    private static readonly string[] Noise =
    [
        " ", "\n", "\t", "-", "/", "'", "\u2019", "\u201C", "\u2022 ", "(", ")", ".", ", ", "  ", "\u00A0", "\u200B",
        "\u0000", "\u6F22\u5B57", "\u0430\u0431\u0432", "\U0001F600", "\uD800", "e\u0301", "@", "+1 ", "%", "http://", "Dr. ",
    ];

    [Fact]
    public void Every_span_slices_the_input_and_spans_never_overlap_on_generated_text()
    {
        var random = new Random(20261121);
        var words = File.ReadAllText(Path.Combine(TestPaths.Seeds, "000_b3349ad7b550c798.txt"))
            .Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries)
            .Concat(File.ReadLines(TestPaths.DevelopmentSet).Take(60).SelectMany(l => l.Split(' ')))
            .ToArray();
        for (var round = 0; round < 300; round++)
        {
            var parts = new List<string>();
            var length = random.Next(1, 120);
            for (var k = 0; k < length; k++)
            {
                parts.Add(random.Next(4) == 0 ? Noise[random.Next(Noise.Length)] : words[random.Next(words.Length)]);
                parts.Add(random.Next(3) == 0 ? string.Empty : " ");
            }

            var text = string.Concat(parts);
            TaggerAssert.ValidSpans(text, Tagger.Tag(text));
        }
    }

    [Fact]
    public void Spans_slice_the_seed_articles_exactly()
    {
        foreach (var file in Directory.GetFiles(TestPaths.Seeds, "*.txt"))
        {
            var text = File.ReadAllText(file);
            var entities = Tagger.Tag(text);
            Assert.NotEmpty(entities);
            TaggerAssert.ValidSpans(text, entities);
        }
    }

    [Fact]
    public void Tagging_is_deterministic_and_thread_safe()
    {
        var texts = File.ReadLines(TestPaths.DevelopmentSet).Where(l => l.Contains("|a|", StringComparison.Ordinal)).Take(40).ToArray();
        var expected = texts.Select(t => Tagger.Tag(t)).ToArray();
        var results = new IReadOnlyList<Entity>[8][];
        Parallel.For(0, 8, p => results[p] = texts.Select(t => Tagger.Tag(t)).ToArray());
        foreach (var run in results)
        {
            for (var i = 0; i < texts.Length; i++)
            {
                Assert.Equal(expected[i], run[i]);
            }
        }
    }
}
