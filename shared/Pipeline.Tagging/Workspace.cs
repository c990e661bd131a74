using Pipeline.Tagging.Model;

namespace Pipeline.Tagging;

/// <summary>Per-thread scratch state, so concurrent calls to <see cref="EntityTagger.Tag"/> never share buffers.</summary>
internal sealed class Workspace
{
    [ThreadStatic]
    private static Workspace? _current;

    /// <summary>Documents above this many tokens get buffers that are dropped afterwards, not kept per thread.</summary>
    public const int KeepLimit = 100_000;

    public static Workspace Current => _current ??= new Workspace();

    /// <summary>Lets the buffers of one huge document be collected instead of pinning them to the thread.</summary>
    public static void Discard() => _current = null;

    public AnalyzedText Doc { get; } = new();

    public DecodeBuffers Buffers { get; } = new();

    public int[] Labels { get; set; } = new int[1024];

    public List<Candidate> Candidates { get; } = [];

    public List<Candidate> Accepted { get; } = [];

    public General.NameBuffers NameBuffers { get; } = new();

    public List<Candidate> Names { get; } = [];

    public List<(int Start, int End, Lexicons.LexiconType Type)> Mentions { get; } = [];
}
