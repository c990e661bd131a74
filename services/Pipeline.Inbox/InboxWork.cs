namespace Pipeline.Inbox;

/// <summary>A file in processing/ to read and publish; <paramref name="Resumed"/> when a previous run left it there.</summary>
public readonly record struct InboxWork(string Name, bool Resumed);
