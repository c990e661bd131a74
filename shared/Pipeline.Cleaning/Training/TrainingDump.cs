using Pipeline.Cleaning.Text;

namespace Pipeline.Cleaning.Training;

/// <summary>One text dump of a training page: its line features, the aligned labels, its lines and gold text (the threshold is chosen by the real word F1).</summary>
internal sealed record TrainingDump(LineFeatureTable Table, float[] Labels, int[] Words, string[] Lines, string Gold);
