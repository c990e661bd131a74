using Pipeline.Tests.Shared;
using Pipeline.Storage;
using Pipeline.Storage.Mongo;

namespace Pipeline.Mongo.Tests.Store;

/// <summary>Connection strings (every standard option, SRV included) and the one line an unreachable server gives.</summary>
public sealed class MongoConnectionTests
{
    [Fact]
    public void Standard_options_and_srv_urls_are_accepted()
    {
        var settings = MongoConnection.Settings(new MongoStoreOptions { ConnectionString = "mongodb://u:p@a:27017,b:27018/?replicaSet=rs0&w=majority&retryWrites=true&maxPoolSize=7&tls=false&readPreference=secondaryPreferred&appName=x" });
        Assert.Equal(2, settings.Servers.Count());
        Assert.Equal("rs0", settings.ReplicaSetName);
        Assert.Equal(7, settings.MaxConnectionPoolSize);
        Assert.Equal("x", settings.ApplicationName);
        Assert.True(settings.RetryWrites);
    }

    [Fact]
    public void A_malformed_string_is_refused_in_one_line_without_the_password()
    {
        var ex = Assert.Throws<StoreUnavailableException>(() => MongoConnection.Settings(new MongoStoreOptions { ConnectionString = "mongodb://user:s3cret@host:notaport/" }));
        Assert.DoesNotContain("s3cret", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
        Assert.Contains("ConnectionString", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_server_fails_start_with_the_host_and_what_was_tried()
    {
        using var store = MongoDocumentStore.Create(new MongoStoreOptions { ConnectionString = "mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=300&connectTimeoutMS=300" });

        var ex = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.InitializeAsync(default));

        Assert.StartsWith("MongoDB did not answer at 127.0.0.1:1 (tried for 0.3 s", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.PingAsync(default));
    }
}
