using Pipeline.Cleaning.Text;

namespace Pipeline.Cleaning.Tests;

public sealed class LineFeaturesTests
{
    private const string Dump = """
        Home
        News
        Sport
        Weather
        Contact

        The council agreed on Tuesday to rebuild the old bridge over the river, and the work is due to start in the spring.
        It will take two years and cost about four million pounds, most of it from the regional transport budget.

        Visit https://example.org/bridge for the plans.
        """;

    private static List<TextUnit> Units()
    {
        var units = LineSplitter.Split(Dump, markdown: false);
        PlainTextCleaner.ApplyRules(units);
        return units;
    }

    private static float Base(LineFeatureTable table, int line, int feature) => table.Base[(line * LineFeatures.BaseWidth) + feature];

    [Fact]
    public void A_sentence_and_a_menu_label_get_different_shapes()
    {
        var units = Units();
        var table = LineFeatures.Compute(units);
        Assert.Equal(units.Count, table.Count);

        // "Home": one word (bin 1), no stop words, capitalised, at the top; the rules called it navigation.
        Assert.Equal(1, Base(table, 0, 1 + 1));
        Assert.Equal(0, Base(table, 0, 21));
        Assert.Equal(1, Base(table, 0, 16));
        Assert.Equal(1, Base(table, 0, 33));
        Assert.Equal(1, Base(table, 0, 40 + Array.IndexOf(LineFeatures.RuleKinds, BoilerplateKinds.Navigation)));

        // The first sentence: 20 to 40 words (bin 8), ends a sentence, full of stop words, no rule kind.
        Assert.Equal(1, Base(table, 5, 1 + 8));
        Assert.Equal(1, Base(table, 5, 13));
        Assert.True(Base(table, 5, 21) > 0.3f);
        for (var k = 0; k <= LineFeatures.RuleKinds.Length; k++)
        {
            Assert.Equal(0, Base(table, 5, 40 + k));
        }

        // The link line is marked as one.
        Assert.Equal(1, Base(table, 7, 24));
        Assert.Equal(0, Base(table, 5, 24));
    }

    [Fact]
    public void The_share_of_prose_before_and_after_a_line_places_it_in_the_page()
    {
        var table = LineFeatures.Compute(Units());
        Assert.Equal(0, Base(table, 0, 64));
        Assert.Equal(1, Base(table, 0, 65));
        Assert.InRange(Base(table, 7, 64), 0.5f, 0.99f);
        Assert.Equal(0, Base(table, 7, 65), 3);
    }

    [Fact]
    public void A_first_pass_row_holds_the_neighbours_and_zeros_past_the_ends()
    {
        var table = LineFeatures.Compute(Units());
        var row = new float[LineFeatureTable.Pass1Width];
        table.Pass1Row(0, row);
        const int width = LineFeatures.BaseWidth;
        Assert.Equal(1, row[0]);                     // the line itself
        Assert.Equal(0, row[width]);                 // no line above: its block is all zeros
        Assert.Equal(1, row[2 * width]);             // the line below
        Assert.Equal(0, row[3 * width]);             // two above
        Assert.Equal(1, row[4 * width]);             // two below
        Assert.Equal(table.Base.AsSpan(width, width).ToArray(), row.AsSpan(2 * width, width).ToArray());
    }

    [Fact]
    public void A_model_reads_back_what_it_wrote_and_refuses_other_features()
    {
        var random = new Random(3);
        var w1 = Enumerable.Range(0, LineFeatureTable.Pass1Width).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
        var w2 = Enumerable.Range(0, LineFeatureTable.Pass2Width).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
        var tokens = LineFeatures.Compute(Units()).Tokens.Distinct().Order().ToArray();
        var lexicon = new LineLexicon(tokens, [.. tokens.Select(_ => (float)random.NextDouble() - 0.5f)]);
        var model = new LineModel(w1, w2, 0.4f, lexicon: lexicon);
        using var buffer = new MemoryStream();
        model.Write(buffer);
        var read = LineModel.Read(new MemoryStream(buffer.ToArray()));
        Assert.Equal(0.4f, read.Threshold);
        Assert.Equal(tokens, read.Lexicon?.Tokens);
        Assert.Equal(model.Predict(Units()), read.Predict(Units()));
        Assert.NotEqual(new LineModel(w1, w2, 0.4f).Predict(Units()), read.Predict(Units()));

        var shorter = buffer.ToArray()[..^4];
        Assert.Throws<InvalidDataException>(() => LineModel.Read(new MemoryStream(shorter)));
        Assert.Throws<InvalidDataException>(() => LineModel.Read(new MemoryStream("not a model"u8.ToArray())));
    }

    [Fact]
    public void The_first_pass_scores_every_line_bit_for_bit_as_the_dense_row_does()
    {
        var units = LineSplitter.Split(string.Join("\n\n", Enumerable.Repeat(Dump, 4)), markdown: false);
        PlainTextCleaner.ApplyRules(units);
        var random = new Random(5);
        var w1 = Enumerable.Range(0, LineFeatureTable.Pass1Width).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
        var w2 = new float[LineFeatureTable.Pass2Width];
        foreach (var model in new[] { LineModel.Shipped!, new LineModel(w1, w2, 0.5f) })
        {
            var table = LineFeatures.Compute(units);
            var fast = model.PredictPass1(table);
            var row = new float[LineFeatureTable.Pass1Width];
            Assert.Equal(units.Count, fast.Length);
            for (var i = 0; i < table.Count; i++)
            {
                table.Pass1Row(i, row);
                var dense = LineModel.Sigmoid(LineModel.Dot(model.Pass1, row) + (model.Lexicon?.Score(table.TokensOf(i)) ?? 0));
                Assert.Equal(BitConverter.SingleToInt32Bits(dense), BitConverter.SingleToInt32Bits(fast[i]));
            }
        }
    }

    [Fact]
    public void A_model_with_a_weight_that_is_not_a_number_is_refused()
    {
        var w1 = new float[LineFeatureTable.Pass1Width];
        w1[3] = float.NaN;
        Assert.Throws<ArgumentException>(() => new LineModel(w1, new float[LineFeatureTable.Pass2Width], 0.5f));
    }

    [Fact]
    public void A_short_line_is_read_by_its_words_and_as_a_whole_and_a_long_one_by_its_first_word()
    {
        static List<ulong> Tokens(string line)
        {
            var tokens = new List<ulong>();
            LineTokens.Add(line, tokens);
            return tokens;
        }

        // Case and the digits of a count do not matter; the words and their order do.
        Assert.Equal(Tokens("Posts: 4032"), Tokens("posts 17"));
        Assert.Equal(Tokens("Reply with quote"), Tokens("REPLY WITH QUOTE"));
        Assert.Equal(5, Tokens("Reply with quote").Count);           // first word, three words, the whole line
        Assert.NotEqual(Tokens("quote with reply")[^1], Tokens("reply with quote")[^1]);

        // A sentence gives only its first word, the same token as a short line starting with that word.
        var sentence = Tokens("The council agreed on Tuesday to rebuild the old bridge over the river.");
        Assert.Single(sentence);
        Assert.Equal(Tokens("The end")[0], sentence[0]);
        Assert.Empty(Tokens("*** --- ***"));
    }

    [Fact]
    public void Every_line_gets_the_page_shape_and_the_main_block_of_the_first_pass()
    {
        var units = Units();
        var table = LineFeatures.Compute(units);
        Assert.Equal(units.Count(u => u.IsListItem) / (float)units.Count, table.Page[0]);
        Assert.Equal(units.Count(u => u.Words >= 8) / (float)units.Count, table.Page[1]);

        // The first pass finds the two sentences (lines 5 and 6) probable and the rest not.
        var p1 = new float[table.Count];
        p1[5] = p1[6] = 0.9f;
        table.PrepareMass(p1);
        var width = LineFeatureTable.Pass2Width;
        var row = new float[width];
        table.Pass2Row(5, p1, row);
        Assert.Equal(table.Page, row.AsSpan(width - LineFeatureTable.DocumentWidth - LineFeatures.PageWidth, LineFeatures.PageWidth).ToArray());
        Assert.Equal(1, row[width - 3]);                             // inside the main block
        Assert.Equal(0, row[width - 2]);                             // no distance to it
        table.Pass2Row(0, p1, row);
        Assert.Equal(0, row[width - 3]);
        Assert.True(row[width - 2] > 0);
        Assert.Equal(1, row[width - 1]);                             // before it: a header
        Assert.Equal(1, row[width - LineFeatureTable.DocumentWidth + 3], 3); // the block holds all probable words
    }

    [Fact]
    public void A_page_of_doubtful_lines_keeps_its_most_probable_ones()
    {
        var units = Units();
        foreach (var u in units)
        {
            u.Kind = null;
        }

        // No line reaches a global threshold of 0.5, but the two sentences are clearly the best of the page.
        var p = new float[units.Count];
        Array.Fill(p, 0.05f);
        p[5] = p[6] = 0.45f;
        var cut = LineModelDecision.PageThreshold(p, units, 0.5f);
        Assert.Equal(0.45f, cut);

        // A page where every line is probable keeps them all; one where no rule kept a line falls back.
        Array.Fill(p, 0.9f);
        Assert.Equal(0.9f, LineModelDecision.PageThreshold(p, units, 0.5f));
        Array.Fill(p, 0f);
        Assert.Equal(0.5f, LineModelDecision.PageThreshold(p, units, 0.5f));
    }
}
