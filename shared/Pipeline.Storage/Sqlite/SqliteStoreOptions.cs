namespace Pipeline.Storage.Sqlite;

/// <summary>Where the embedded store keeps its file.</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>The database file, e.g. <c>./data/pipeline.db</c>. Its folder is created if missing.</summary>
    public required string Path { get; init; }
}
