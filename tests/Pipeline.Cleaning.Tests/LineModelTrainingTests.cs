using Pipeline.Cleaning.Text;
using Pipeline.Cleaning.Training;

namespace Pipeline.Cleaning.Tests;

public sealed class LineModelTrainingTests
{
    private static byte[] Train(string output)
    {
        var summary = LineModelTrainer.Train(new LineModelTrainingOptions
        {
            DatasetDirectory = TestData.Path("datasets", "wcxb-dev"),
            OutputPath = output,
            Renderers = ["own"],
            Limit = 6,
            Epochs = 1,
            Trees = 4,
            TreeDepth = 3,
            TreeSample = 0.8f,
            LexiconMinPages = 2,
        });
        Assert.Equal(6, summary.Pages);
        Assert.True(summary.Lines > 100, summary.ToText());
        return File.ReadAllBytes(output);
    }

    [Fact]
    public void Training_twice_on_the_same_pages_writes_the_same_bytes()
    {
        var folder = Directory.CreateTempSubdirectory("line-model-");
        try
        {
            var first = Train(Path.Combine(folder.FullName, "a.model"));
            var second = Train(Path.Combine(folder.FullName, "b.model"));
            Assert.Equal(first, second);
            var model = LineModel.Read(new MemoryStream(first));
            Assert.InRange(model.Threshold, 0.2f, 0.8f);
            Assert.Equal(4, model.Trees?.Trees);
            Assert.NotNull(model.Lexicon);
            Assert.NotEmpty(model.Lexicon.Tokens);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_held_out_split_is_about_a_fifth_of_the_pages_and_fixed_by_id()
    {
        var ids = Enumerable.Range(1, 5000).Select(i => i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var held = ids.Count(LineModelSplit.IsHeldOut);
        Assert.InRange(held, 800, 1200);
        Assert.Equal(LineModelSplit.IsHeldOut("0042"), LineModelSplit.IsHeldOut("0042"));
    }

    [Fact]
    public void Every_dump_variant_keeps_the_words_of_the_dump()
    {
        const string dump = "Home\nNews\n\n   The council agreed on Tuesday to rebuild the old bridge over the river, and the work is due to start in the spring of next year.\nIt will take two years.\n";
        var words = Evaluation.WordOverlap.CountWords(dump);
        for (var v = 0; v < DumpVariants.Count; v++)
        {
            Assert.Equal(words, Evaluation.WordOverlap.CountWords(DumpVariants.Apply(dump, v)));
        }

        Assert.DoesNotContain("\n\n", DumpVariants.Apply(dump, 1), StringComparison.Ordinal);
        Assert.All(DumpVariants.Apply(dump, 4).Split('\n'), line => Assert.True(line.Length <= 66, line));
        Assert.Contains(DumpVariants.Apply(dump, 3).Split('\n'), line => line.Length > 140);
    }
}
