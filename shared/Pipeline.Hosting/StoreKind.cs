namespace Pipeline.Hosting;

/// <summary>The document store.</summary>
public enum StoreKind
{
    /// <summary>An SQLite file under the data directory.</summary>
    Sqlite,

    /// <summary>A MongoDB server.</summary>
    Mongo,
}
