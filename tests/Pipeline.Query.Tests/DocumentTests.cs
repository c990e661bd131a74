using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Pipeline.Query.Tests;

public sealed class DocumentTests(SeededApi api) : IClassFixture<SeededApi>
{
    [Fact]
    public async Task A_document_comes_with_its_text_metadata_entity_spans_and_what_cleaning_removed()
    {
        var expected = SeededStore.KetamineFibro;
        var body = await api.GetJsonAsync("/api/documents/" + expected.Id);

        Assert.Equal(expected.Id.ToString(), body.GetProperty("id").GetString());
        Assert.Equal(expected.Text, body.GetProperty("text").GetString());
        Assert.Equal("Ketamine for fibromyalgia", body.GetProperty("title").GetString());
        Assert.Equal("https://health.example.com/ketamine-fibromyalgia", body.GetProperty("source").GetProperty("uri").GetString());
        Assert.Equal(SeededStore.Jan, body.GetProperty("published").GetDateTimeOffset());
        var entities = body.GetProperty("entities").EnumerateArray().ToList();
        Assert.Equal(3, entities.Count);
        foreach (var entity in entities)
        {
            var start = entity.GetProperty("start").GetInt32();
            var end = entity.GetProperty("end").GetInt32();
            Assert.Equal(entity.GetProperty("text").GetString(), expected.Text[start..end]);
        }

        Assert.Equal("stanford university", entities.Single(e => e.GetProperty("type").GetString() == "Organization").GetProperty("canonical").GetString()!.ToLowerInvariant());
        Assert.Contains("Chemical:ketamine", body.GetProperty("entityKeys").EnumerateArray().Select(k => k.GetString()));
        var removed = body.GetProperty("cleaning").GetProperty("removed")[0];
        Assert.Equal("share-buttons", removed.GetProperty("kind").GetString());
        Assert.Equal("Share on Facebook", removed.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Markup_in_a_stored_document_comes_back_as_the_same_text_in_json()
    {
        var hostile = SeededStore.Hostile;
        var body = await api.GetJsonAsync("/api/documents/" + hostile.Id);
        Assert.Equal("<img src=x onerror=alert(1)>", body.GetProperty("title").GetString());
        Assert.Contains("<script>alert('x')</script>", body.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_id_is_a_404_problem_and_a_malformed_id_a_400_problem()
    {
        using var missing = await api.Client.GetAsync(new Uri("/api/documents/" + Guid.NewGuid(), UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Equal(404, (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());

        await api.GetProblemAsync("/api/documents/" + Uri.EscapeDataString("1' OR '1'='1"), "id");
    }
}
