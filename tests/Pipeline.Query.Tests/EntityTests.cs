using System.Text.Json;

namespace Pipeline.Query.Tests;

public sealed class EntityTests(SeededApi api) : IClassFixture<SeededApi>
{
    private static (string Key, long Documents)[] Entities(JsonElement body) =>
        body.GetProperty("entities").EnumerateArray().Select(e => (e.GetProperty("key").GetString()!, e.GetProperty("documents").GetInt64())).ToArray();

    [Fact]
    public async Task Top_entities_of_a_type_come_with_their_document_counts_most_mentioned_first()
    {
        var body = await api.GetJsonAsync("/api/entities?type=chemical");

        Assert.Equal([("Chemical:ketamine", 3L), ("Chemical:esketamine", 1L), ("Chemical:magnesium", 1L)], Entities(body));
        var first = body.GetProperty("entities")[0];
        Assert.Equal("Chemical", first.GetProperty("type").GetString());
        Assert.Equal("ketamine", first.GetProperty("value").GetString());
    }

    [Fact]
    public async Task Facets_follow_the_search_filters_and_the_prefix_autocompletes()
    {
        var facets = await api.GetJsonAsync("/api/entities?search=magnesium");
        Assert.Equal([("Chemical:ketamine", 1L), ("Chemical:magnesium", 1L), ("Disease:fibromyalgia", 1L)], Entities(facets));

        var filtered = await api.GetJsonAsync("/api/entities?type=Disease&entity=Chemical:esketamine");
        Assert.Equal([("Disease:depression", 1L)], Entities(filtered));

        var prefix = await api.GetJsonAsync("/api/entities?q=MAG");
        Assert.Equal([("Chemical:magnesium", 1L)], Entities(prefix));

        var limited = await api.GetJsonAsync("/api/entities?type=Chemical&limit=1");
        Assert.Equal([("Chemical:ketamine", 3L)], Entities(limited));
    }

    [Fact]
    public async Task A_prefix_with_like_wildcards_matches_them_literally()
    {
        var body = await api.GetJsonAsync("/api/entities?q=" + Uri.EscapeDataString("%"));
        Assert.Empty(Entities(body));
        var underscore = await api.GetJsonAsync("/api/entities?q=_");
        Assert.Empty(Entities(underscore));
    }

    [Fact]
    public async Task Cooccurring_entities_are_counted_over_the_documents_mentioning_the_entity()
    {
        var body = await api.GetJsonAsync("/api/entities/cooccurring?entity=Disease:fibromyalgia");

        Assert.Equal("Disease:fibromyalgia", body.GetProperty("entity").GetProperty("key").GetString());
        Assert.Equal(2, body.GetProperty("entity").GetProperty("documents").GetInt64());
        var related = body.GetProperty("cooccurring").EnumerateArray().Select(e => (e.GetProperty("key").GetString()!, e.GetProperty("documents").GetInt64())).ToArray();
        Assert.Equal(("Chemical:ketamine", 2L), related[0]);
        Assert.Contains(("Chemical:magnesium", 1L), related);
        Assert.Contains(("Organization:stanford university", 1L), related);
        Assert.DoesNotContain(related, r => r.Item1 == "Disease:fibromyalgia");
    }

    [Theory]
    [InlineData("/api/entities?type=Spaceship", "type")]
    [InlineData("/api/entities?limit=0", "limit")]
    [InlineData("/api/entities?limit=101", "limit")]
    [InlineData("/api/entities?entity=nope", "entity")]
    [InlineData("/api/entities/cooccurring", "entity")]
    [InlineData("/api/entities/cooccurring?entity=Chemical:", "entity")]
    [InlineData("/api/entities/cooccurring?entity=Chemical:ketamine&limit=1000", "limit")]
    public async Task Invalid_entity_queries_are_problem_details(string path, string field)
    {
        await api.GetProblemAsync(path, field);
    }
}
