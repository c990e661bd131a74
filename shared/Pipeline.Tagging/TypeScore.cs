namespace Pipeline.Tagging;

/// <summary>Strict (exact span and type) mention counts and scores for one entity type, or micro-averaged.</summary>
public sealed record TypeScore(string Type, int TruePositives, int FalsePositives, int FalseNegatives)
{
    /// <summary>TP / (TP + FP).</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>TP / (TP + FN).</summary>
    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);

    /// <summary>Harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}
