namespace Pipeline.Tagging.General;

/// <summary>A document rebuilt from token/IOB2 lines: detokenised text and its gold names.</summary>
internal sealed record ConllDocument(string Text, IReadOnlyList<NameSpan> Names);
