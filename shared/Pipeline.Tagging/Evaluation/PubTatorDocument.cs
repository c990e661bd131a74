namespace Pipeline.Tagging.Evaluation;

/// <summary>One PubTator document: the title and abstract joined by one character, as the offsets assume.</summary>
internal sealed record PubTatorDocument(string Id, string Text, IReadOnlyList<PubTatorMention> Mentions);
