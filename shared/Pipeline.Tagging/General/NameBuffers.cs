using Pipeline.Tagging.Text;

namespace Pipeline.Tagging.General;

/// <summary>Per-thread scratch arrays of the general-domain model: per sentence (bounded) and per document (grown).</summary>
internal sealed class NameBuffers
{
    private const int MaxTokens = SentenceSplitter.MaxSentenceTokens;

    public ulong[] Features { get; } = new ulong[MaxTokens * NameFeatures.PerToken];

    public float[] Emissions { get; } = new float[MaxTokens * NameModel.LabelCount];

    public float[] Scores { get; } = new float[MaxTokens * NameModel.LabelCount];

    public int[] Back { get; } = new int[MaxTokens * NameModel.LabelCount];

    public ushort[] Marks { get; private set; } = new ushort[1024];

    public byte[] Flags { get; private set; } = new byte[1024];

    public int[] Labels { get; private set; } = new int[1024];

    public uint[] Classes { get; private set; } = new uint[1024];

    public Dictionary<ulong, byte> Words { get; } = [];

    public void Ensure(int tokens)
    {
        if (Marks.Length < tokens)
        {
            var size = Math.Max(tokens, Marks.Length * 2);
            Marks = new ushort[size];
            Flags = new byte[size];
            Labels = new int[size];
            Classes = new uint[size];
        }
    }
}
