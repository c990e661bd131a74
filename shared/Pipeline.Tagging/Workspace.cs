using Pipeline.Tagging.Model;

namespace Pipeline.Tagging;

/// <summary>Per-thread scratch state, so concurrent calls to <see cref="EntityTagger.Tag"/> never share buffers.</summary>
internal sealed class Workspace
{
    [ThreadStatic]
    private static Workspace? _current;

    public static Workspace Current => _current ??= new Workspace();

    public AnalyzedText Doc { get; } = new();

    public DecodeBuffers Buffers { get; } = new();

    public int[] Labels { get; set; } = new int[1024];

    public List<Candidate> Candidates { get; } = [];

    public List<Candidate> Accepted { get; } = [];

    public List<(int Start, int End, Lexicons.LexiconType Type)> Mentions { get; } = [];
}
