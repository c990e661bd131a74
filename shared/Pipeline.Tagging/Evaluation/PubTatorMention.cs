namespace Pipeline.Tagging.Evaluation;

/// <summary>An annotated mention in a PubTator document (character offsets into title + newline + abstract).</summary>
internal readonly record struct PubTatorMention(int Start, int End, string Type);
