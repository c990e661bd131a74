using Pipeline.Tagging.Lexicons;
using Pipeline.Tagging.Model;

namespace Pipeline.Tagging.Tests;

public sealed class LabelsTests
{
    private static readonly int B = Labels.Begin(LexiconType.Disease);
    private static readonly int I = Labels.Inside(LexiconType.Disease);
    private static readonly int L = Labels.Last(LexiconType.Disease);
    private static readonly int U = Labels.Unit(LexiconType.Chemical);
    private const int O = Labels.Outside;

    [Fact]
    public void Repair_keeps_valid_mentions_and_drops_broken_pieces()
    {
        int[] labels = [B, I, L, O, U, I, L, B, O, B];
        Labels.Repair(labels);
        Assert.Equal([B, I, L, O, U, O, O, O, O, O], labels);
    }

    [Fact]
    public void Only_inside_or_last_of_the_same_type_may_follow_an_open_mention()
    {
        Assert.True(Labels.Allowed(B, I));
        Assert.True(Labels.Allowed(B, L));
        Assert.False(Labels.Allowed(B, O));
        Assert.False(Labels.Allowed(B, Labels.Last(LexiconType.Chemical)));
        Assert.True(Labels.Allowed(L, U));
        Assert.False(Labels.Allowed(Labels.StartRow, I));
        Assert.False(Labels.CanEnd(B));
    }

    [Fact]
    public void Viterbi_never_returns_an_invalid_sequence_even_when_emissions_prefer_one()
    {
        // Emissions that individually prefer Inside at the start and Begin at the end.
        var n = 4;
        var emissions = new float[n * Labels.Count];
        emissions[I] = 5;
        emissions[Labels.Count + I] = 5;
        emissions[(3 * Labels.Count) + B] = 5;
        var labels = new int[n];
        Viterbi.Decode(emissions, new float[(Labels.Count + 1) * Labels.Count], labels, new float[n * Labels.Count], new int[n * Labels.Count]);
        var copy = labels.ToArray();
        Labels.Repair(copy);
        Assert.Equal(copy, labels);
    }
}
