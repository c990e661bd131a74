using Pipeline.Contracts;

namespace Pipeline.Query.Tests;

public sealed class PagedDocumentTests : IDisposable
{
    private readonly QueryApiFactory factory = new();

    [Fact]
    public async Task A_document_from_a_pdf_comes_with_its_format_pages_and_container()
    {
        using var client = factory.CreateClient();
        var document = QueryApiFactory.Document("all.zip#report.pdf", "Basin report", "First page words. Second page words.", null, "inbox") with
        {
            Source = new DocumentSource("inbox", "inbox:///all.zip#report.pdf", "all.zip/report.pdf", "inbox:///all.zip"),
            Format = "pdf",
            Pages = [new PageSpan(1, 0, 17), new PageSpan(2, 18, 36)],
        };
        await factory.Store.UpsertAsync(document, CancellationToken.None);

        using var response = await client.GetAsync(new Uri("/api/documents/" + document.Id, UriKind.Relative));
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var body = json.RootElement;

        Assert.Equal("pdf", body.GetProperty("format").GetString());
        Assert.Equal("inbox:///all.zip", body.GetProperty("source").GetProperty("parent").GetString());
        var pages = body.GetProperty("pages").EnumerateArray().Select(p => (p.GetProperty("number").GetInt32(), p.GetProperty("start").GetInt32(), p.GetProperty("end").GetInt32())).ToList();
        Assert.Equal([(1, 0, 17), (2, 18, 36)], pages);
    }

    public void Dispose() => factory.Dispose();
}
