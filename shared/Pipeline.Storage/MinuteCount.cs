namespace Pipeline.Storage;

/// <summary>How many documents were stored in the minute starting at <paramref name="Minute"/>.</summary>
public sealed record MinuteCount(DateTimeOffset Minute, long Count);
