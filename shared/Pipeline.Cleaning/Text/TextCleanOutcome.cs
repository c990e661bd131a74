namespace Pipeline.Cleaning.Text;

/// <summary>What the line classifier produced for one document.</summary>
internal sealed record TextCleanOutcome(string Title, string Body, DateTimeOffset? Published, IReadOnlyList<RemovedBlock> Removed);
