namespace Pipeline.Tagging.Lexicons;

/// <summary>Position of a token inside the longest lexicon match covering it (BILOU).</summary>
internal enum LexiconMatch : byte
{
    None = 0,
    Begin = 1,
    Inside = 2,
    Last = 3,
    Unit = 4,
}
