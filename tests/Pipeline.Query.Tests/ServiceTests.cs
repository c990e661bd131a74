using System.Net;
using System.Text.Json;

namespace Pipeline.Query.Tests;

/// <summary>Statistics, OpenAPI, health and the page itself.</summary>
public sealed class ServiceTests(SeededApi api) : IClassFixture<SeededApi>
{
    [Fact]
    public async Task Stats_count_documents_by_source_kind_and_host()
    {
        var stats = await api.GetJsonAsync("/api/stats");
        Assert.Equal(30, stats.GetProperty("documents").GetInt64());
        Assert.Equal(27, stats.GetProperty("bySourceKind").GetProperty("inbox").GetInt64());
        Assert.Equal(3, stats.GetProperty("bySourceKind").GetProperty("web").GetInt64());
        Assert.Equal(1, stats.GetProperty("byHost").GetProperty("news.example.org").GetInt64());
        Assert.Equal("InMemory", stats.GetProperty("transport").GetString());
        Assert.Equal(JsonValueKind.Null, stats.GetProperty("queues").ValueKind);
        Assert.True(stats.GetProperty("lastStoredAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
    }

    [Fact]
    public async Task The_openapi_document_describes_every_endpoint()
    {
        var document = await api.GetJsonAsync("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/documents", "/api/documents/{id}", "/api/entities", "/api/entities/cooccurring", "/api/stats", "/api/errors", "/api/crawls" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is not in the OpenAPI document.");
        }

        Assert.True(paths.GetProperty("/api/documents").TryGetProperty("post", out _));
        Assert.False(paths.TryGetProperty("/", out _));
    }

    [Fact]
    public async Task Health_answers_healthy()
    {
        using var response = await api.Client.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_page_and_its_assets_are_served_locally_under_a_strict_content_security_policy()
    {
        using var page = await api.Client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<script src=\"/app.js\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());

        foreach (var asset in new[] { "/app.js", "/app.css", "/favicon.svg" })
        {
            using var response = await api.Client.GetAsync(new Uri(asset, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.NotNull(response.Headers.ETag);
        }

        var script = await api.Client.GetStringAsync(new Uri("/app.js", UriKind.Relative));
        Assert.DoesNotContain("innerHTML", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_path_is_a_404_problem()
    {
        using var response = await api.Client.GetAsync(new Uri("/nothing-here", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
