using System.ComponentModel.DataAnnotations;

namespace Pipeline.Hosting;

/// <summary>The <c>Pipeline</c> configuration section; every value can be set by environment variable (<c>Pipeline__Transport=RabbitMq</c>).</summary>
public sealed class PipelineOptions
{
    public const string SectionName = "Pipeline";

    /// <summary><c>InMemory</c> (one process) or <c>RabbitMq</c>.</summary>
    public TransportKind Transport { get; set; } = TransportKind.InMemory;

    /// <summary><c>Sqlite</c> (embedded) or <c>Mongo</c>.</summary>
    public StoreKind Store { get; set; } = StoreKind.Sqlite;

    /// <summary>Where the embedded store and other local state live.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>Documents larger than this are rejected before they reach the bus (RabbitMQ messages must stay small).</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxDocumentBytes { get; set; } = 8 * 1024 * 1024;

    public RabbitMqSettings RabbitMq { get; set; } = new();

    public MongoSettings Mongo { get; set; } = new();

    /// <summary>The SQLite file: <see cref="DataDirectory"/>/pipeline.db.</summary>
    public string SqlitePath => Path.Combine(DataDirectory, "pipeline.db");
}
