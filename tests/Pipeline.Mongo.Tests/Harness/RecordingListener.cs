using System.Collections.Concurrent;

namespace Pipeline.Mongo.Tests.Harness;

internal sealed class RecordingListener : IMongoCommandListener
{
    public ConcurrentQueue<object> Events { get; } = new();

    public IEnumerable<CommandStartedEvent> Started => Events.OfType<CommandStartedEvent>();

    public void CommandStarted(CommandStartedEvent e) => Events.Enqueue(e);

    public void CommandSucceeded(CommandSucceededEvent e) => Events.Enqueue(e);

    public void CommandFailed(CommandFailedEvent e) => Events.Enqueue(e);
}
