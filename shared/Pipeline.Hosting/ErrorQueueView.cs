namespace Pipeline.Hosting;

/// <summary>
/// One stage's <c>_error</c> queue: how many messages it holds and the first ones (at most the limit asked for);
/// <c>Exists</c> is false when the queue was never declared (the stage never faulted on this broker).
/// </summary>
public sealed record ErrorQueueView(string Stage, string Queue, bool Exists, long Count, IReadOnlyList<FaultedMessage> Messages);
