namespace Pipeline.Crawling.Tests;

/// <summary>A folder removed when the test ends.</summary>
internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("pipeline-crawl-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a pool is left to the OS temp cleaner.
        }
    }
}
