namespace Pipeline.Hosting;

/// <summary>The MongoDB store, when <see cref="PipelineOptions.Store"/> is <c>Mongo</c>.</summary>
public sealed class MongoSettings
{
    /// <summary>A <c>mongodb://</c> connection string.</summary>
    public string? ConnectionString { get; set; }

    public string Database { get; set; } = "pipeline";

    public string Collection { get; set; } = "documents";
}
