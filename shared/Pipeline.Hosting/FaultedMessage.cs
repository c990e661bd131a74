namespace Pipeline.Hosting;

/// <summary>
/// A message in a stage's <c>_error</c> queue: the stage (the queue it failed in), its document (null when the body
/// carries none), the exception's type and message, and when it faulted, from MassTransit's <c>MT-Fault-*</c> headers.
/// </summary>
public sealed record FaultedMessage(string Stage, Guid? DocumentId, string? MessageId, string? ExceptionType, string? Message, DateTimeOffset? FaultedAt);
