using System.Net.Http.Json;
using System.Text.Json;

namespace Pipeline.Query.Tests;

/// <summary><c>GET /api/errors</c> without a broker: its parameters, and what it says on the in-memory transport.</summary>
public sealed class ErrorsParameterTests
{
    [Theory]
    [InlineData("stage=nowhere", "stage")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("stag=clean-document", "stag")]
    public async Task Bad_parameters_are_refused_with_a_problem_naming_them(string query, string field)
    {
        using var factory = new QueryApiFactory();
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/api/errors?" + query, UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"No error for {field}: {problem}");
    }

    [Fact]
    public async Task Without_rabbitmq_the_listing_is_empty_and_says_why()
    {
        using var factory = new QueryApiFactory();
        using var client = factory.CreateClient();
        var body = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/errors", UriKind.Relative));
        Assert.Equal(0, body.GetProperty("items").GetArrayLength());
        Assert.Contains("only on RabbitMQ", body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }
}
