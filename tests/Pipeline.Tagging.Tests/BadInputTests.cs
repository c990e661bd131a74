using System.Text;

namespace Pipeline.Tagging.Tests;

[Collection(SerialCollection.Name)]
public sealed class BadInputTests
{
    private static readonly EntityTagger Tagger = EntityTagger.LoadDefault();

    [Fact]
    public void Empty_and_blank_text_give_no_entities()
    {
        Assert.Empty(Tagger.Tag(string.Empty));
        Assert.Empty(Tagger.Tag(" \n\t\r "));
    }

    [Fact]
    public void Null_text_is_a_clear_argument_error() =>
        Assert.Throws<ArgumentNullException>(() => Tagger.Tag(null!));

    [Fact]
    public void Five_megabytes_of_text_are_tagged_in_seconds()
    {
        var article = File.ReadAllText(Path.Combine(TestPaths.Seeds, "000_b3349ad7b550c798.txt"));
        var sb = new StringBuilder();
        while (sb.Length < 5_000_000)
        {
            sb.Append(article).Append('\n');
        }

        var text = sb.ToString();
        var clock = new CpuClock();
        var entities = Tagger.Tag(text);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed} of CPU time");
        Assert.True(entities.Count > 1000);
        TaggerAssert.ValidSpans(text, entities);
    }

    [Fact]
    public void A_megabyte_of_letters_or_thousands_of_glued_drug_names_give_no_entity_longer_than_the_limit()
    {
        var random = new Random(5);
        var letters = string.Create(1 << 20, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)('a' + r.Next(26));
            }
        });
        var glued = string.Concat(Enumerable.Range(0, 20_000).Select(i => i % 2 == 0 ? "Ketamine" : "morphine"));
        var hyphenated = string.Join('-', Enumerable.Range(0, 20_000).Select(i => i % 2 == 0 ? "ketamine" : "morphine"));
        foreach (var text in new[] { letters, glued, hyphenated })
        {
            var entities = Tagger.Tag(text);
            TaggerAssert.ValidSpans(text, entities);
            Assert.All(entities, e => Assert.InRange(e.End - e.Start, 1, EntityTagger.MaxEntityLength));
        }
    }

    [Fact]
    public void A_text_longer_than_one_piece_keeps_exact_offsets_across_the_cuts()
    {
        var paragraph = "Barack Obama took ketamine for depression in Chicago last year, the hospital said.\n";
        var sb = new StringBuilder();
        while (sb.Length < (EntityTagger.ChunkLength * 2) + 1000)
        {
            sb.Append(paragraph);
        }

        var text = sb.ToString();
        var entities = Tagger.Tag(text);
        TaggerAssert.ValidSpans(text, entities);
        var chemicals = entities.Where(e => e.Type == EntityTypes.Chemical && e.Text == "ketamine").ToList();
        Assert.Equal(text.Length / paragraph.Length, chemicals.Count);
        Assert.Contains(entities, e => e.Type == EntityTypes.Person && e.Start > EntityTagger.ChunkLength * 2);
        Assert.True(EntityTagger.ChunkEnd(text, 0) % paragraph.Length == 0, "a piece ends at a line break");
    }

    [Theory]
    [InlineData('a')]
    [InlineData('1')]
    [InlineData('.')]
    [InlineData('-')]
    [InlineData('@')]
    public void A_single_100000_character_token_does_not_hang(char c)
    {
        var text = "Ketamine helps. " + new string(c, 100_000) + " Nausea may occur.";
        var clock = new CpuClock();
        var entities = Tagger.Tag(text);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), $"took {clock.Elapsed} of CPU time");
        TaggerAssert.ValidSpans(text, entities);
        TaggerAssert.Single(entities, EntityTypes.Chemical, "Ketamine");
    }

    [Fact]
    public void Url_and_email_shaped_runs_do_not_backtrack()
    {
        var text = "www." + string.Concat(Enumerable.Repeat("a.", 50_000)) + " x@" + new string('b', 50_000);
        var clock = new CpuClock();
        TaggerAssert.ValidSpans(text, Tagger.Tag(text));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), $"took {clock.Elapsed} of CPU time");
    }

    [Fact]
    public void Control_characters_and_lone_surrogates_are_tolerated()
    {
        var text = "\u0000\u0001Ketamine\u0007 treats\u001B[31m depression\uD800 \uDC00and\u0085 pain\u2028.";
        var entities = Tagger.Tag(text);
        TaggerAssert.ValidSpans(text, entities);
        TaggerAssert.Single(entities, EntityTypes.Chemical, "Ketamine");
    }

    [Fact]
    public void Mixed_scripts_keep_exact_offsets()
    {
        var text = "\u041A\u0435\u0442\u0430\u043C\u0438\u043D \u6F22\u5B57 ketamine \u0627\u0644\u0623\u0644\u0645 and fibromyalgia \U0001F489 in Japan.";
        var entities = Tagger.Tag(text);
        TaggerAssert.ValidSpans(text, entities);
        TaggerAssert.Single(entities, EntityTypes.Chemical, "ketamine");
        TaggerAssert.Single(entities, EntityTypes.Disease, "fibromyalgia");
        TaggerAssert.Single(entities, EntityTypes.Location, "Japan");
    }
}
