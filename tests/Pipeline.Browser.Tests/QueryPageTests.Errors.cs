using Microsoft.Playwright;

namespace Pipeline.Browser.Tests;

/// <summary>The status page's error queues: what sits in each stage's _error queue, as text.</summary>
public sealed partial class QueryPageTests
{
    [Fact]
    public async Task The_status_page_says_none_for_error_queues_on_the_in_memory_transport()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.BaseUrl + "/#/stats");
        var errors = page.Locator("section[aria-labelledby='errors-title']");
        await errors.Locator(".none").WaitForAsync();

        Assert.Equal("none: Error queues exist only on RabbitMQ (Pipeline:Transport is InMemory).", await errors.Locator(".none").InnerTextAsync());
    }

    [Fact]
    public async Task The_status_page_lists_each_faulted_message_with_its_stage_document_error_and_time_as_text()
    {
        var page = await site.NewPageAsync();

        // The broker's answer as /api/errors gives it on RabbitMQ (ErrorsTests read a real broker's queues).
        const string body = """
            { "items": [
              { "stage": "clean-document", "queue": "clean-document_error", "exists": true, "count": 3, "messages": [
                { "stage": "clean-document", "documentId": "3f2b8c1e-0000-4000-8000-000000000001", "messageId": "m1", "exceptionType": "System.InvalidOperationException",
                  "message": "<img src=x onerror=\"window.__pwned = 9\"> broke the cleaner", "faultedAt": "2026-11-30T10:15:00+00:00" },
                { "stage": "clean-document", "documentId": null, "messageId": "m2", "exceptionType": null, "message": null, "faultedAt": null } ] },
              { "stage": "store-document", "queue": "store-document_error", "exists": true, "count": 0, "messages": [] } ],
              "error": null }
            """;
        await page.RouteAsync("**/api/errors?*", route => route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "application/json", Body = body }));
        await page.GotoAsync(site.BaseUrl + "/#/stats");
        var errors = page.Locator("section[aria-labelledby='errors-title']");
        await errors.Locator("table").WaitForAsync();

        var rows = errors.Locator("tbody tr");
        Assert.Equal(2, await rows.CountAsync());
        var first = (await rows.Nth(0).Locator("th, td").AllInnerTextsAsync()).Select(t => t.Trim()).ToList();
        Assert.Equal(
            ["clean-document", "3f2b8c1e-0000-4000-8000-000000000001", "System.InvalidOperationException: <img src=x onerror=\"window.__pwned = 9\"> broke the cleaner"],
            first.Take(3));
        Assert.Matches(@"^2026-11-30 \d{2}:\d{2}$", first[3]); // the page shows local time, as everywhere
        Assert.Equal(["clean-document", "unknown", "no message", "unknown"], (await rows.Nth(1).Locator("th, td").AllInnerTextsAsync()).Select(t => t.Trim()));
        Assert.StartsWith("1 more not listed", await errors.Locator(".note").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("main img").CountAsync());
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__pwned ?? null"));
        await PipelineSite.ScreenshotAsync(page, "13-status-error-queues");
    }
}
