using System.Globalization;

namespace Pipeline.Cleaning.Training;

/// <summary>What a <c>train-cleaner</c> run saw and chose.</summary>
/// <param name="Pages">Training pages read.</param>
/// <param name="Documents">Text dumps trained on (pages times renderers).</param>
/// <param name="Lines">Lines with words among them.</param>
/// <param name="MainShare">Share of those lines aligned to the main text.</param>
/// <param name="Threshold">The keep threshold chosen on the training split.</param>
/// <param name="TrainingF1">Mean word F1 on every third training dump at that threshold.</param>
/// <param name="Seconds">Wall-clock time.</param>
public sealed record LineModelTrainingSummary(int Pages, int Documents, int Lines, double MainShare, float Threshold, double TrainingF1, double Seconds)
{
    /// <summary>One line per figure.</summary>
    public string ToText() => string.Create(
        CultureInfo.InvariantCulture,
        $"pages {Pages}, dumps {Documents}, lines {Lines} ({MainShare:P1} main text)\nthreshold {Threshold:F3}, training word F1 {TrainingF1:F3}\n{Seconds:F0} s");
}
