namespace Pipeline.Tagging.Text;

/// <summary>A token as a half-open UTF-16 range of the input.</summary>
internal readonly record struct Token(int Start, int End, TokenKind Kind, bool SpaceBefore)
{
    public int Length => End - Start;
}
