namespace Pipeline.Tagging.Model;

/// <summary>Scratch arrays for decoding one sentence, sized for the longest sentence the splitter emits.</summary>
internal sealed class DecodeBuffers
{
    private const int MaxTokens = Text.SentenceSplitter.MaxSentenceTokens;

    public ulong[] Features { get; } = new ulong[MaxTokens * FeatureExtractor.PerToken];

    public float[] Emissions { get; } = new float[MaxTokens * Labels.Count];

    public float[] Scores { get; } = new float[MaxTokens * Labels.Count];

    public int[] Back { get; } = new int[MaxTokens * Labels.Count];

    public int[] Predicted { get; } = new int[MaxTokens];

    public ulong[] Stage2Features { get; } = new ulong[MaxTokens * DocumentFeatures.PerToken];

    /// <summary>First-pass labels and document votes for a whole document.</summary>
    public int[] Stage1 { get; set; } = new int[1024];

    public byte[] Votes { get; set; } = new byte[1024];

    public Dictionary<ulong, int> VoteCounts { get; } = [];
}
