using Pipeline.Tagging.Model;

namespace Pipeline.Tagging.Tests;

public sealed class FeatureWeightsTests
{
    [Theory]
    [InlineData(Labels.Count)]
    [InlineData(17)]
    public void Scores_are_the_sums_of_the_rows_of_the_features_present_in_feature_order(int labels)
    {
        var random = new Random(7);

        // Keys that share their low bits collide in the open-addressed table and must still each find their own row.
        var features = Enumerable.Range(1, 300).Select(i => ((ulong)(uint)i << 20) | (uint)(i % 5)).ToArray();
        var weights = Enumerable.Range(0, features.Length * labels).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var table = new FeatureWeights(features, weights, labels);
        var rows = features.Select((f, i) => (f, i)).ToDictionary(p => p.f, p => p.i);

        for (var round = 0; round < 50; round++)
        {
            // Present and absent features, repeats included, as a token's feature list has.
            var asked = Enumerable.Range(0, 42).Select(_ => random.Next(3) == 0 ? (ulong)random.Next(1, int.MaxValue) << 32 : features[random.Next(features.Length)]).ToArray();
            var expected = Enumerable.Range(0, labels).Select(k => 0.5f * k).ToArray();
            foreach (var f in asked.Where(rows.ContainsKey))
            {
                for (var k = 0; k < labels; k++)
                {
                    expected[k] += weights[rows[f] * labels + k];
                }
            }

            var scores = Enumerable.Range(0, labels).Select(k => 0.5f * k).ToArray();
            table.Score(asked, scores);
            Assert.Equal(expected, scores);
        }
    }

    [Fact]
    public void The_features_and_rows_given_are_given_back_in_their_order_for_writing()
    {
        ulong[] features = [0x30, 0x10, 0x20, 0x11];
        var weights = Enumerable.Range(0, features.Length * Labels.Count).Select(i => i * 0.25f).ToArray();

        var table = new FeatureWeights(features, weights);

        Assert.Equal(features, table.Features);
        Assert.Equal(weights, table.Weights);
        Assert.Equal(4, table.Count);
    }
}
