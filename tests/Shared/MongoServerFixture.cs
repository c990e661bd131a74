using Testcontainers.MongoDb;

namespace Pipeline.Tests.Shared;

/// <summary>
/// One real MongoDB for the test run: <c>MONGODB_URL</c>, or a throwaway container started through Testcontainers.
/// Nothing is started when no server can be had (the tests that need one are skipped).
/// </summary>
public sealed class MongoServerFixture : IAsyncLifetime
{
    private MongoDbContainer? _container;

    /// <summary>The connection string of the server; only valid in tests marked <see cref="MongoDbFactAttribute"/>.</summary>
    public string ConnectionString { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        if (MongoAvailability.Url is { } url)
        {
            ConnectionString = url;
        }
        else if (MongoAvailability.Image is { } image)
        {
            _container = new MongoDbBuilder(image).Build();
            await _container.StartAsync();
            ConnectionString = _container.GetConnectionString();
        }
    }

    public async Task DisposeAsync()
    {
        if (_container is not null)
        {
            await _container.DisposeAsync();
        }
    }
}
