namespace Pipeline.Tagging.General;

/// <summary>A gold name in character offsets of a <see cref="ConllDocument"/>'s text.</summary>
internal readonly record struct NameSpan(int Start, int End, NameType Type);
