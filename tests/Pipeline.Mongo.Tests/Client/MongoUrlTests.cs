namespace Pipeline.Mongo.Tests.Client;

public sealed class MongoUrlTests
{
    [Fact]
    public void Parses_hosts_options_and_timeouts()
    {
        var url = MongoUrl.Parse("mongodb://u%40x:p%3Ass@Mongo1:27018,[::1]:27019,mongo3/pipeline?replicaSet=rs0&tls=true&appName=store&connectTimeoutMS=2500&socketTimeoutMS=7000&serverSelectionTimeoutMS=1500&maxPoolSize=7&retryWrites=false&w=majority&journal=true&wtimeoutMS=900&authSource=admin&directConnection=false");
        Assert.Equal(["mongo1:27018", "[::1]:27019", "mongo3:27017"], url.Hosts.Select(h => h.ToString()));
        Assert.Equal("pipeline", url.DatabaseName);
        Assert.Equal("rs0", url.ReplicaSetName);
        Assert.True(url.UseTls);
        Assert.Equal("store", url.ApplicationName);
        Assert.Equal(TimeSpan.FromMilliseconds(2500), url.ConnectTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(7000), url.SocketTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), url.ServerSelectionTimeout);
        Assert.Equal(7, url.MaxPoolSize);
        Assert.False(url.RetryWrites);
        Assert.Equal("majority", url.W);
        Assert.True(url.Journal);
        Assert.Equal(TimeSpan.FromMilliseconds(900), url.WTimeout);
        Assert.False(url.DirectConnection);
        Assert.Equal("u@x", url.Credential!.Username);
        Assert.Equal("p:ss", url.Credential.Password);
        Assert.Equal("admin", url.Credential.Source);
    }

    [Theory]
    [InlineData("mongodb+srv://cluster0.example.net/")]
    [InlineData("http://localhost")]
    [InlineData("mongodb://")]
    [InlineData("mongodb://localhost:0")]
    [InlineData("mongodb://localhost:65536")]
    [InlineData("mongodb://a,b/?directConnection=true")]
    [InlineData("mongodb://localhost/?tls=true&ssl=false")]
    [InlineData("mongodb://localhost/?tlsInsecure=true&tlsAllowInvalidCertificates=true")]
    [InlineData("mongodb://localhost/?w=0&journal=true")]
    [InlineData("mongodb://localhost/?retryWrites=maybe")]
    [InlineData("mongodb://us@r:pa@ss@localhost")]
    [InlineData("mongodb://user:pa:ss@localhost")]
    [InlineData("mongodb://user:p%zzss@localhost")]
    [InlineData("mongodb://%2Ftmp%2Fmongodb-27017.sock")]
    public void Rejects_invalid_connection_strings(string connectionString) =>
        Assert.Throws<MongoConfigurationException>(() => MongoUrl.Parse(connectionString));

    [Fact]
    public void Rejects_srv_with_a_message_that_says_what_to_do()
    {
        var ex = Assert.Throws<MongoConfigurationException>(() => MongoUrl.Parse("mongodb+srv://cluster0.example.net/"));
        Assert.Contains("mongodb://host1:27017,host2:27017", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_follow_the_specifications()
    {
        var url = MongoUrl.Parse("mongodb://localhost");
        Assert.True(url.RetryWrites);
        Assert.True(url.RetryReads);
        Assert.Null(url.DirectConnection);
        Assert.False(url.UseTls);
        Assert.Equal(100, url.MaxPoolSize);
        Assert.Equal(TimeSpan.FromSeconds(30), url.ServerSelectionTimeout);
        Assert.Null(url.SocketTimeout);
        Assert.Null(url.Credential);
    }

    [Fact]
    public void Unknown_options_are_reported_not_fatal() =>
        Assert.Equal(["fancyOption"], MongoUrl.Parse("mongodb://localhost/?fancyOption=1").UnknownOptions);
}
