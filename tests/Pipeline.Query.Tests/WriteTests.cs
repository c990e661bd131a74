using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Contracts;
using Pipeline.Storage;

namespace Pipeline.Query.Tests;

/// <summary>Writes: the API key, uploads and JSON ingestion (published on the bus), and crawl definitions.</summary>
public sealed class WriteTests : IDisposable
{
    private readonly QueryApiFactory factory = new();
    private readonly HttpClient client;

    public WriteTests() => client = factory.CreateClient();

    public void Dispose()
    {
        client.Dispose();
        factory.Dispose();
    }

    private static MultipartFormDataContent Upload(string fileName, byte[] content)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "file", fileName);
        return form;
    }

    private async Task<HttpResponseMessage> PostAsync(string path, HttpContent content, string? key = QueryApiFactory.ApiKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = content };
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        return await client.SendAsync(request);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {status}, got {response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)status, JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task An_upload_is_published_as_a_fetched_document_of_kind_api_and_returns_its_id()
    {
        var harness = factory.Services.GetRequiredService<ITestHarness>();
        using var response = await PostAsync("/api/documents", Upload("report.md", Encoding.UTF8.GetBytes("# Ketamine\n\nA report.")));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal(DocumentIdentity.ForSourceUri("api:///report.md"), id);
        Assert.Equal($"/api/documents/{id}", response.Headers.Location?.OriginalString);
        Assert.True(await harness.Published.Any<DocumentFetched>(m => m.Context.Message.DocumentId == id));
        var published = harness.Published.Select<DocumentFetched>().Single(m => m.Context.Message.DocumentId == id).Context.Message;
        Assert.Equal(new DocumentSource("api", "api:///report.md", "report.md"), published.Source);
        Assert.Equal("# Ketamine\n\nA report.", Encoding.UTF8.GetString(published.Content));
    }

    [Fact]
    public async Task Json_text_is_published_with_its_url_as_the_source_and_a_bare_url_is_sent_to_the_fetcher()
    {
        var harness = factory.Services.GetRequiredService<ITestHarness>();
        using var text = await PostAsync("/api/documents", JsonContent.Create(new { text = "Ketamine helps.", url = "https://example.com/a", title = "A" }));
        Assert.Equal(HttpStatusCode.Accepted, text.StatusCode);
        var id = (await text.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(DocumentIdentity.ForSourceUri("https://example.com/a"), id);
        Assert.True(await harness.Published.Any<DocumentFetched>(m => m.Context.Message.DocumentId == id));
        var fetched = harness.Published.Select<DocumentFetched>().Single(m => m.Context.Message.DocumentId == id).Context.Message;
        Assert.Equal("A\n\nKetamine helps.", Encoding.UTF8.GetString(fetched.Content));
        Assert.Equal("api", fetched.Source.Kind);

        using var url = await PostAsync("/api/documents", JsonContent.Create(new { url = "https://example.com/b" }));
        Assert.Equal(HttpStatusCode.Accepted, url.StatusCode);
        var fetchId = (await url.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.True(await harness.Published.Any<FetchRequested>(m => m.Context.Message.DocumentId == fetchId));
    }

    [Fact]
    public async Task Writes_without_the_right_key_are_refused_with_401_and_nothing_is_published()
    {
        var harness = factory.Services.GetRequiredService<ITestHarness>();
        using var none = await PostAsync("/api/documents", Upload("a.txt", "hello"u8.ToArray()), key: null);
        await AssertProblemAsync(none, HttpStatusCode.Unauthorized);
        using var wrong = await PostAsync("/api/documents", Upload("a.txt", "hello"u8.ToArray()), key: "test-key-0123456789abcdeX");
        await AssertProblemAsync(wrong, HttpStatusCode.Unauthorized);
        using var crawl = await PostAsync("/api/crawls", JsonContent.Create(new { name = "x", seeds = new[] { "https://example.com/" }, interval = "1h" }), key: null);
        await AssertProblemAsync(crawl, HttpStatusCode.Unauthorized);

        Assert.False(await harness.Published.Any<DocumentFetched>());
        Assert.Empty(await factory.Services.GetRequiredService<ICrawlStateStore>().ListCrawlsAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData("notes.exe", "text", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("empty.txt", "", HttpStatusCode.BadRequest)]
    [InlineData("big.txt", "big", HttpStatusCode.RequestEntityTooLarge)]
    public async Task Uploads_are_checked_by_the_inbox_rules(string name, string content, HttpStatusCode status)
    {
        var bytes = content == "big" ? Enumerable.Repeat((byte)'a', 70_000).ToArray() : Encoding.UTF8.GetBytes(content);
        using var response = await PostAsync("/api/documents", Upload(name, bytes));
        await AssertProblemAsync(response, status);
    }

    [Theory]
    [InlineData("{}", "text")]
    [InlineData("{\"url\":\"javascript:alert(1)\"}", "url")]
    [InlineData("{\"url\":\"file:///etc/passwd\"}", "url")]
    [InlineData("{\"text\":\"x\",\"name\":\"../../etc/passwd\"}", "name")]
    [InlineData("{\"text\":", "body")]
    public async Task Invalid_json_ingestion_is_a_validation_problem(string json, string field)
    {
        using var response = await PostAsync("/api/documents", new StringContent(json, Encoding.UTF8, "application/json"));
        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Other_content_types_are_415()
    {
        using var response = await PostAsync("/api/documents", new StringContent("hello", Encoding.UTF8, "text/plain"));
        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task A_crawl_is_stored_and_listed_and_saving_it_again_replaces_it()
    {
        using var created = await PostAsync("/api/crawls", JsonContent.Create(new
        {
            name = "health-news", seeds = new[] { "https://example.com/news/", "https://example.com/news/" }, interval = "6h", depth = 2, scope = "same-prefix",
        }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var replaced = await PostAsync("/api/crawls", JsonContent.Create(new
        {
            name = "health-news", seeds = new[] { "https://example.com/news/" }, cron = "0 0 6 * * ?", maxPages = 50,
        }));
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);

        var list = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/crawls", UriKind.Relative));
        var crawl = Assert.Single(list.EnumerateArray());
        Assert.Equal("health-news", crawl.GetProperty("name").GetString());
        Assert.Equal("0 0 6 * * ?", crawl.GetProperty("cron").GetString());
        Assert.Equal(JsonValueKind.Null, crawl.GetProperty("interval").ValueKind);
        Assert.Equal(50, crawl.GetProperty("maxPages").GetInt32());

        var stored = await factory.Services.GetRequiredService<ICrawlStateStore>().GetCrawlAsync("health-news", CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(["https://example.com/news/"], stored.Seeds);
        Assert.Equal("same-host", stored.Scope);
    }

    [Theory]
    [InlineData("{\"name\":\"bad name!\",\"seeds\":[\"https://example.com/\"],\"interval\":\"1h\"}", "name")]
    [InlineData("{\"name\":\"ok\",\"seeds\":[],\"interval\":\"1h\"}", "seeds")]
    [InlineData("{\"name\":\"ok\",\"seeds\":[\"ftp://example.com/\"],\"interval\":\"1h\"}", "seeds")]
    [InlineData("{\"name\":\"ok\",\"seeds\":[\"https://example.com/\"]}", "interval")]
    [InlineData("{\"name\":\"ok\",\"seeds\":[\"https://example.com/\"],\"interval\":\"1h\",\"cron\":\"0 0 6 * * ?\"}", "interval")]
    [InlineData("{\"name\":\"ok\",\"seeds\":[\"https://example.com/\"],\"interval\":\"10s\"}", "interval")]
    [InlineData("{\"name\":\"ok\",\"seeds\":[\"https://example.com/\"],\"cron\":\"every day\"}", "cron")]
    [InlineData("{\"name\":\"ok\",\"seeds\":[\"https://example.com/\"],\"interval\":\"1d\",\"depth\":11}", "depth")]
    [InlineData("{\"name\":\"ok\",\"seeds\":[\"https://example.com/\"],\"interval\":\"1d\",\"scope\":\"anywhere\"}", "scope")]
    public async Task Invalid_crawls_are_validation_problems(string json, string field)
    {
        using var response = await PostAsync("/api/crawls", new StringContent(json, Encoding.UTF8, "application/json"));
        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }
}
