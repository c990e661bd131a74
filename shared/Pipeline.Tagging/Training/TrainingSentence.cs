namespace Pipeline.Tagging.Training;

/// <summary>A sentence prepared for training: feature rows per token (flat, fixed count each) and gold labels.</summary>
internal sealed record TrainingSentence(int[] Rows, int[] Gold);
