using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Pipeline.Query.Tests;

/// <summary>Configuration of access: no key configured, keys for reads, CORS.</summary>
public sealed class AccessTests
{
    [Fact]
    public async Task Without_a_configured_key_writes_are_turned_off_and_reads_stay_open()
    {
        using var factory = new QueryApiFactory();
        factory.Settings["Query:ApiKey"] = null;
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/documents", UriKind.Relative))
        {
            Content = new StringContent("{\"text\":\"x\"}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Api-Key", "anything-at-all-long-enough");
        using var write = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Contains("Query:ApiKey", (await write.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);

        using var read = await client.GetAsync(new Uri("/api/documents", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task Reads_can_require_the_key()
    {
        using var factory = new QueryApiFactory();
        factory.Settings["Query:RequireKeyForReads"] = "true";
        using var client = factory.CreateClient();

        foreach (var path in new[] { "/api/documents", "/api/entities", "/api/stats", "/api/crawls", $"/api/documents/{Guid.NewGuid()}" })
        {
            using var anonymous = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/documents", UriKind.Relative));
        request.Headers.Add("X-Api-Key", QueryApiFactory.ApiKey);
        using var keyed = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, keyed.StatusCode);

        using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Cors_is_off_by_default_and_on_for_configured_origins_only()
    {
        using var off = new QueryApiFactory();
        using var offClient = off.CreateClient();
        using (var response = await offClient.SendAsync(Preflight("https://elsewhere.example")))
        {
            Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        }

        using var on = new QueryApiFactory();
        on.Settings["Query:CorsOrigins:0"] = "https://app.example";
        using var onClient = on.CreateClient();
        using (var allowed = await onClient.SendAsync(Preflight("https://app.example")))
        {
            Assert.Equal("https://app.example", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        }

        using var other = await onClient.SendAsync(Preflight("https://elsewhere.example"));
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public void A_short_api_key_stops_the_service_from_starting()
    {
        using var factory = new QueryApiFactory();
        factory.Settings["Query:ApiKey"] = "short";
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("at least 16 characters", error.ToString(), StringComparison.Ordinal);
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, new Uri("/api/documents", UriKind.Relative));
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "GET");
        return request;
    }
}
