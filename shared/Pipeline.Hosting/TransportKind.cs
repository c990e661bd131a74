namespace Pipeline.Hosting;

/// <summary>The message transport.</summary>
public enum TransportKind
{
    /// <summary>MassTransit's in-memory transport: every consumer in one process.</summary>
    InMemory,

    /// <summary>RabbitMQ: one process per service, competing consumers per queue.</summary>
    RabbitMq,
}
