namespace Pipeline.Tagging.Lexicons;

/// <summary>One token-sequence prefix of a term: which concepts end here, and whether longer terms continue it.</summary>
internal struct LexiconNode
{
    public int Chemical;
    public int Disease;
    public bool HasContinuation;
}
