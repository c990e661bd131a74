using Pipeline.Cleaning.Text;

namespace Pipeline.Cleaning.Training;

/// <summary>One text dump of a training page: its line features, the aligned labels, and the word counts the threshold is chosen with.</summary>
internal sealed record TrainingDump(LineFeatureTable Table, float[] Labels, int[] Words, int[] Matched, int GoldWords);
