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
        Assert.Equal("An API key is required.", (await none.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        using var wrong = await PostAsync("/api/documents", Upload("a.txt", "hello"u8.ToArray()), key: "test-key-0123456789abcdeX");
        await AssertProblemAsync(wrong, HttpStatusCode.Unauthorized);
        Assert.Equal("The API key is wrong.", (await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
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
    [InlineData("{\"name\":\"ok\",\"seeds\":[\"https://example.com/\"],\"interval\":\"0s\"}", "interval")]
    [InlineData("{\"name\":\"ok\",\"seeds\":[\"https://example.com/\"],\"interval\":\"400d\"}", "interval")]
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

    [Fact]
    public async Task The_api_refuses_a_crawl_with_the_same_words_as_the_command_line()
    {
        using var response = await PostAsync("/api/crawls", JsonContent.Create(new { name = "deep", seeds = new[] { "https://example.com/" }, cron = "0 0 6 * * ?", depth = 50 }));
        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var message = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("depth")[0].GetString();

        // What `pipeline crawl add deep https://example.com/ --cron "0 0 6 * * ?" --depth 50` prints (CrawlDefinitionsTests checks that side).
        Assert.Equal("The depth must be from 0 (the seeds only) to 10.", message);

        // An interval the command line takes (seconds, decimals) is taken here too, and a host is not resolved.
        using var accepted = await PostAsync("/api/crawls", JsonContent.Create(new { name = "quick", seeds = new[] { "https://no-such-host.invalid/" }, interval = "90s" }));
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
    }

    [Fact]
    public async Task An_uploads_location_says_processing_then_why_a_stage_rejected_it_or_gives_the_stored_document()
    {
        var harness = factory.Services.GetRequiredService<ITestHarness>();
        using var rejected = await PostAsync("/api/documents", Upload("menu.html", Encoding.UTF8.GetBytes("<nav>Home | About</nav>")));
        Assert.Equal(HttpStatusCode.Accepted, rejected.StatusCode);
        var location = rejected.Headers.Location!.OriginalString;
        var id = (await rejected.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        using (var processing = await client.GetAsync(new Uri(location, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Accepted, processing.StatusCode);
            Assert.Equal("processing", (await processing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        }

        var source = new DocumentSource("api", "api:///menu.html", "menu.html");
        await harness.Bus.Publish(new DocumentRejected(id, source, "cleaner", "empty-after-cleaning", "Nothing was left after removing navigation.", DateTimeOffset.UtcNow));
        var outcome = await PollAsync(location, body => body.GetProperty("status").GetString() != "processing");
        Assert.Equal("rejected", outcome.GetProperty("status").GetString());
        Assert.Equal("cleaner", outcome.GetProperty("stage").GetString());
        Assert.Equal("empty-after-cleaning", outcome.GetProperty("reason").GetString());
        Assert.Equal("Nothing was left after removing navigation.", outcome.GetProperty("detail").GetString());

        // Stored: the location gives the document itself.
        using var accepted = await PostAsync("/api/documents", Upload("report.txt", Encoding.UTF8.GetBytes("Ketamine eases pain.")));
        var storedLocation = accepted.Headers.Location!.OriginalString;
        var document = QueryApiFactory.Document("report.txt", "Report", "Ketamine eases pain.", null, "api");
        await factory.Store.UpsertAsync(document, CancellationToken.None);
        await harness.Bus.Publish(new DocumentStored(document.Id, document.Source, 1, document.ContentHash, StoreOutcome.Stored, null, DateTimeOffset.UtcNow));
        var stored = await PollAsync(storedLocation, body => body.GetProperty("status").GetString() != "processing");
        Assert.Equal("stored", stored.GetProperty("status").GetString());
        Assert.Equal("Ketamine eases pain.", stored.GetProperty("text").GetString());

        // A document nobody sent through the API is simply unknown.
        using var unknown = await client.GetAsync(new Uri($"/api/documents/{Guid.NewGuid()}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private async Task<JsonElement> PollAsync(string location, Func<JsonElement, bool> done)
    {
        for (var i = 0; i < 100; i++)
        {
            using var response = await client.GetAsync(new Uri(location, UriKind.Relative));
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (done(body))
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                return body;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"{location} never left 'processing'.");
    }

    [Fact]
    public async Task The_stats_say_writes_are_on_and_list_each_crawl_with_its_last_run_and_next_run()
    {
        var crawls = factory.Services.GetRequiredService<ICrawlStateStore>();
        var now = DateTimeOffset.UtcNow;
        await crawls.SaveCrawlAsync(new CrawlDefinition("news", ["https://example.com/"], TimeSpan.FromHours(6), null, 2, 100, "same-host", false, now), CancellationToken.None);
        await crawls.SaveCrawlAsync(new CrawlDefinition("daily", ["https://example.org/"], null, "0 0 6 * * ?", 2, 100, "same-host", false, now), CancellationToken.None);
        await ((ICrawlRunLog)crawls).SaveRunAsync(new CrawlRunRecord("news", now.AddHours(-1), now.AddMinutes(-50), 12, 30, 2, 44), CancellationToken.None);
        await factory.Store.UpsertAsync(QueryApiFactory.Document("a.example/x", "X", "Some text.", null), CancellationToken.None);

        var stats = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/stats", UriKind.Relative));

        Assert.True(stats.GetProperty("writes").GetBoolean());
        Assert.True(stats.GetProperty("sizeBytes").GetInt64() > 0);
        Assert.Equal(1, stats.GetProperty("storedPerMinute").EnumerateArray().Sum(m => m.GetProperty("count").GetInt64()));
        var list = stats.GetProperty("crawls").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        Assert.Equal("every 6h", list["news"].GetProperty("schedule").GetString());
        Assert.Equal(12, list["news"].GetProperty("lastRun").GetProperty("fetched").GetInt32());
        Assert.Equal(now.AddHours(5), list["news"].GetProperty("nextRun").GetDateTimeOffset(), TimeSpan.FromSeconds(1));
        Assert.Equal("cron \"0 0 6 * * ?\"", list["daily"].GetProperty("schedule").GetString());
        Assert.Equal(JsonValueKind.Null, list["daily"].GetProperty("lastRun").ValueKind);
        Assert.True(list["daily"].GetProperty("nextRun").GetDateTimeOffset() > now);
    }
}
