namespace Pipeline.Mongo;

/// <summary>Shaped like MongoDB.Driver's IMongoClient: thread-safe, one per process, owns the connection pools.</summary>
public interface IMongoClient : IAsyncDisposable, IDisposable
{
    MongoClientSettings Settings { get; }

    IMongoDatabase GetDatabase(string name);
}
