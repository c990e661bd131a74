namespace Pipeline.Inbox;

/// <summary>The content of <c>failed/&lt;file&gt;.error.json</c>.</summary>
public sealed record InboxError(string File, Guid DocumentId, string Stage, string Reason, string Detail, DateTimeOffset At);
