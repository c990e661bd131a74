using System.Text.Json;

namespace Pipeline.Query.Tests;

public sealed class SearchTests(SeededApi api) : IClassFixture<SeededApi>
{
    private static string[] Titles(JsonElement page) =>
        page.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("title").GetString()!).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public async Task Text_search_returns_matching_documents_with_the_matched_words_marked_in_the_snippet()
    {
        var page = await api.GetJsonAsync("/api/documents?q=ketamine");

        Assert.Equal(3, page.GetProperty("total").GetInt64());
        Assert.Equal(["Clinic notes", "Ketamine and depression", "Ketamine for fibromyalgia"], Titles(page));
        foreach (var hit in page.GetProperty("hits").EnumerateArray())
        {
            var snippet = hit.GetProperty("snippet").GetString()!;
            var marked = hit.GetProperty("highlights").EnumerateArray()
                .Select(r => snippet.Substring(r.GetProperty("start").GetInt32(), r.GetProperty("length").GetInt32()))
                .ToList();
            Assert.Contains(marked, w => string.Equals(w, "ketamine", StringComparison.OrdinalIgnoreCase));
            Assert.True(hit.TryGetProperty("storedAt", out _));
            Assert.Equal(JsonValueKind.Object, hit.GetProperty("source").ValueKind);
        }

        var fibro = page.GetProperty("hits").EnumerateArray().Single(h => h.GetProperty("title").GetString() == "Ketamine for fibromyalgia");
        Assert.Equal(1, fibro.GetProperty("entityCounts").GetProperty("Chemical").GetInt32());
        Assert.Equal(1, fibro.GetProperty("entityCounts").GetProperty("Disease").GetInt32());
        Assert.Equal(1, fibro.GetProperty("entityCounts").GetProperty("Organization").GetInt32());
    }

    [Fact]
    public async Task Entity_filters_combine_with_each_other_and_with_text()
    {
        var both = await api.GetJsonAsync("/api/documents?entity=Chemical:ketamine&entity=Disease:Fibromyalgia");
        Assert.Equal(["Clinic notes", "Ketamine for fibromyalgia"], Titles(both));

        var withText = await api.GetJsonAsync("/api/documents?q=magnesium&entity=Disease:fibromyalgia");
        Assert.Equal(["Clinic notes"], Titles(withText));
    }

    [Fact]
    public async Task Source_filter_takes_a_kind_or_a_host()
    {
        var inbox = await api.GetJsonAsync("/api/documents?q=ketamine&source=inbox");
        Assert.Equal(["Clinic notes"], Titles(inbox));

        var host = await api.GetJsonAsync("/api/documents?source=news.example.org");
        Assert.Equal(["Ketamine and depression"], Titles(host));
    }

    [Fact]
    public async Task Date_filters_include_the_whole_to_day_and_sort_by_date_is_newest_first()
    {
        var march = await api.GetJsonAsync("/api/documents?q=ketamine&from=2024-03-01&to=2024-03-10");
        Assert.Equal(["Ketamine and depression"], Titles(march));

        var byDate = await api.GetJsonAsync("/api/documents?q=ketamine&sort=date");
        Assert.Equal(
            ["Clinic notes", "Ketamine and depression", "Ketamine for fibromyalgia"],
            byDate.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("title").GetString()!).ToArray());
    }

    [Fact]
    public async Task Paging_with_the_cursor_returns_every_document_exactly_once()
    {
        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await api.GetJsonAsync("/api/documents?limit=7&sort=date" + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor)));
            var hits = page.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()!).ToList();
            Assert.InRange(hits.Count, 1, 7);
            Assert.Equal(pages == 0 ? JsonValueKind.Number : JsonValueKind.Null, page.GetProperty("total").ValueKind);
            seen.AddRange(hits);
            cursor = page.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.Equal(5, pages);
        Assert.Equal(30, seen.Count);
        Assert.Equal(30, seen.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("sort=random", "sort")]
    [InlineData("entity=Chemical", "entity")]
    [InlineData("entity=Spaceship:enterprise", "entity")]
    [InlineData("from=yesterday", "from")]
    [InlineData("from=2024-05-02&to=2024-05-01", "from")]
    [InlineData("dateField=modified", "dateField")]
    [InlineData("q=a&q=b", "q")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("page=-1", "page")]
    [InlineData("q=ketamine&limt=5", "limt")]
    [InlineData("q%5B%24where%5D=1", "q[$where]")]
    public async Task Invalid_parameters_are_problem_details_naming_the_parameter(string query, string field)
    {
        var problem = await api.GetProblemAsync("/api/documents?" + query, field);

        // Written for people: no .NET "(Parameter 'Limit')" suffix.
        Assert.DoesNotContain("(Parameter", problem.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/stats?verbose=1", "verbose")]
    [InlineData("/api/crawls?all=true", "all")]
    [InlineData("/api/entities?search=ketamine&sort=date", "sort")]
    [InlineData("/api/entities/cooccurring?entity=Chemical:ketamine&page=2", "page")]
    [InlineData("/api/documents/3f2b8c1e-0000-0000-0000-000000000000?fields=title", "fields")]
    public async Task Every_endpoint_refuses_parameters_it_does_not_take(string path, string field)
    {
        await api.GetProblemAsync(path, field);
    }

    [Fact]
    public async Task Overlong_text_and_too_many_entity_filters_are_refused()
    {
        await api.GetProblemAsync("/api/documents?q=" + new string('a', 501), "q");
        await api.GetProblemAsync("/api/documents?" + string.Join('&', Enumerable.Range(0, 11).Select(i => $"entity=Chemical:c{i}")), "entity");
    }

    [Theory]
    [InlineData("ketamine OR sleep", 0)] // OR would find 29
    [InlineData("ketamine NOT fibromyalgia", 0)] // NOT would find 1
    [InlineData("title:ketamine", 0)] // a column filter would find 2
    [InlineData("NEAR(ketamine fibromyalgia)", 0)] // NEAR would find 2
    [InlineData("ketam*", 0)] // a prefix would find 3
    [InlineData("\"ketamine", 3)] // an unbalanced quote is not an error
    [InlineData("ketamine') OR 1=1 --", 0)]
    [InlineData("'; DROP TABLE documents; --", 0)]
    public async Task Search_operators_and_sql_in_the_text_are_matched_as_plain_words(string text, int expected)
    {
        var page = await api.GetJsonAsync("/api/documents?q=" + Uri.EscapeDataString(text));
        Assert.Equal(expected, page.GetProperty("total").GetInt64());

        // Every document returned contains every word literally: nothing was read as OR, NOT, NEAR, a column or a prefix.
        var words = System.Text.RegularExpressions.Regex.Matches(text, @"[\p{L}\p{N}_]+").Select(m => m.Value.ToLowerInvariant()).ToList();
        foreach (var hit in page.GetProperty("hits").EnumerateArray())
        {
            var id = hit.GetProperty("id").GetString();
            var document = await api.GetJsonAsync("/api/documents/" + id);
            var content = (document.GetProperty("title").GetString() + " " + document.GetProperty("text").GetString()).ToLowerInvariant();
            Assert.All(words, w => Assert.Contains(w, content, StringComparison.Ordinal));
        }

        var all = await api.GetJsonAsync("/api/documents?limit=1");
        Assert.Equal(30, all.GetProperty("total").GetInt64());
    }

    [Theory]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("https://%")]
    [InlineData("' OR '1'='1")]
    public async Task Source_wildcards_and_quotes_match_nothing_rather_than_everything(string source)
    {
        var page = await api.GetJsonAsync("/api/documents?source=" + Uri.EscapeDataString(source));
        Assert.Equal(0, page.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task An_entity_value_with_quotes_and_wildcards_is_a_value_not_an_operator()
    {
        var page = await api.GetJsonAsync("/api/documents?entity=" + Uri.EscapeDataString("Chemical:ketamine' OR '1'='1"));
        Assert.Equal(0, page.GetProperty("total").GetInt64());

        var like = await api.GetJsonAsync("/api/documents?entity=" + Uri.EscapeDataString("Chemical:%"));
        Assert.Equal(0, like.GetProperty("total").GetInt64());
    }
}
