namespace Pipeline.Mongo;

/// <summary>
/// Observes the commands the client sends (command monitoring). Handshake and authentication commands are not
/// reported. Called synchronously on the I/O path: keep it cheap.
/// </summary>
public interface IMongoCommandListener
{
    void CommandStarted(CommandStartedEvent e);

    void CommandSucceeded(CommandSucceededEvent e);

    void CommandFailed(CommandFailedEvent e);
}
