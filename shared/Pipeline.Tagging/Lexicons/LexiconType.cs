namespace Pipeline.Tagging.Lexicons;

internal enum LexiconType : byte
{
    Chemical = 0,
    Disease = 1,
}
