using System.Globalization;

namespace Pipeline.Tagging;

/// <summary>What <see cref="TaggerTraining.Train"/> did.</summary>
public sealed record TrainingSummary(
    string OutputPath,
    int Documents,
    int Sentences,
    int Tokens,
    int Mentions,
    int UnalignedMentions,
    int Features,
    int Epochs,
    long ModelBytes,
    TimeSpan Elapsed)
{
    /// <summary>A short human-readable report.</summary>
    public string ToText() => string.Create(
        CultureInfo.InvariantCulture,
        $"""
        model       {OutputPath} ({ModelBytes / 1024.0 / 1024.0:F1} MB)
        documents   {Documents} ({Sentences} sentences, {Tokens} tokens)
        mentions    {Mentions} ({UnalignedMentions} not on token boundaries, skipped)
        features    {Features}
        epochs      {Epochs}
        elapsed     {Elapsed.TotalSeconds:F1} s
        """);
}
