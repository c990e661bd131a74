using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Pipeline.Browser.Tests;

/// <summary>What an upload's location says once the all-in-one pipeline is done with it, for endings the page does not drive.</summary>
public sealed partial class QueryPageTests
{
    [Fact]
    public async Task A_bare_url_whose_fetch_fails_is_rejected_by_the_fetcher_and_its_location_says_why()
    {
        using var client = new HttpClient { BaseAddress = new Uri(site.BaseUrl) };
        client.DefaultRequestHeaders.Add("X-Api-Key", PipelineSite.ApiKey);
        using var response = await client.PostAsJsonAsync(new Uri("/api/documents", UriKind.Relative), new { url = "https://no-such-host.invalid/report" });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var location = response.Headers.Location!;

        var outcome = await PollAsync(client, location);

        Assert.Equal("rejected", outcome.GetProperty("status").GetString());
        Assert.Equal("fetcher", outcome.GetProperty("stage").GetString());
        Assert.Equal("fetch-failed", outcome.GetProperty("reason").GetString());
        Assert.StartsWith("https://no-such-host.invalid/report could not be fetched: ", outcome.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> PollAsync(HttpClient client, Uri location)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var poll = await client.GetAsync(location);
            var body = await poll.Content.ReadFromJsonAsync<JsonElement>();
            if (body.GetProperty("status").GetString() != "processing")
            {
                Assert.Equal(HttpStatusCode.OK, poll.StatusCode);
                return body;
            }

            Assert.True(DateTime.UtcNow < deadline, "The upload's location still says processing after 30 s.");
            await Task.Delay(200);
        }
    }
}
