using Microsoft.Playwright;

namespace Pipeline.Browser.Tests;

/// <summary>The upload form with each file's outcome, the status page, and display names in facets.</summary>
public sealed partial class QueryPageTests
{
    [Fact]
    public async Task The_upload_form_sends_several_files_and_shows_each_ones_outcome_with_a_rejections_reason()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.BaseUrl + "/#/upload");
        await page.Locator("#upload-link").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        await page.Locator("#api-key").FillAsync(PipelineSite.ApiKey);
        await page.Locator("#files").SetInputFilesAsync(new[]
        {
            new FilePayload
            {
                Name = "aspirin-note.txt", MimeType = "text/plain",
                Buffer = "Aspirin and headache\n\nAspirin relieved headache within an hour in most of the adults who took part in the small study, the authors wrote."u8.ToArray(),
            },
            new FilePayload { Name = "menu.html", MimeType = "text/html", Buffer = "<html><body><nav><a href=\"/\">Home</a> | <a href=\"/about\">About</a></nav></body></html>"u8.ToArray() },
            new FilePayload { Name = "tool.exe", MimeType = "application/octet-stream", Buffer = [0x4d, 0x5a, 0x90, 0x00] },
        });

        await page.WaitForFunctionAsync("() => document.querySelectorAll('#uploads .upload.ok, #uploads .upload.bad').length === 3", null, Wait);
        var stored = page.Locator("#uploads .upload", new PageLocatorOptions { HasText = "aspirin-note.txt" });
        Assert.Contains("ok", await stored.GetAttributeAsync("class"), StringComparison.Ordinal);
        Assert.Equal("Stored.", await stored.Locator(".outcome").InnerTextAsync());
        var rejected = page.Locator("#uploads .upload", new PageLocatorOptions { HasText = "menu.html" });
        Assert.Equal(
            "Rejected by the cleaner: empty-after-cleaning – Nothing was left after removing boilerplate.",
            await rejected.Locator(".outcome").InnerTextAsync());
        var refused = page.Locator("#uploads .upload", new PageLocatorOptions { HasText = "tool.exe" });
        Assert.StartsWith("Refused: ", await refused.Locator(".outcome").InnerTextAsync(), StringComparison.Ordinal);
        await PipelineSite.ScreenshotAsync(page, "9-upload-outcomes");

        // The stored one opens as a document.
        await stored.Locator(".outcome a").ClickAsync();
        await page.Locator("#doc-text").WaitForAsync();
        Assert.Equal("Aspirin and headache", await page.Locator("h1").InnerTextAsync());
    }

    [Fact]
    public async Task The_status_page_shows_the_rate_chart_the_store_and_none_for_empty_sections()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.BaseUrl + "/#/stats");
        await page.Locator("#status-summary").WaitForAsync();

        Assert.Matches(@"^\d+ documents stored \(\d+ duplicates recorded\), [0-9.]+ (KiB|MiB) on disk\. Last stored \d{4}-\d{2}-\d{2} \d{2}:\d{2}\.", await page.Locator("#status-summary").InnerTextAsync());
        Assert.Equal(60, await page.Locator("svg.chart rect").CountAsync());
        Assert.True(await page.Locator("svg.chart rect[height]:not([height='0'])").CountAsync() >= 1, "No minute of the last hour shows a stored document.");
        Assert.StartsWith("none", await page.Locator("section[aria-labelledby='crawls-title'] .none").InnerTextAsync(), StringComparison.Ordinal);
        Assert.StartsWith("none", await page.Locator("section[aria-labelledby='queues-title'] .none").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("web", await page.Locator("section[aria-labelledby='kinds-title'] table").InnerTextAsync(), StringComparison.Ordinal);
        AssertNoStrayText(await page.Locator("main").InnerTextAsync());
        await PipelineSite.ScreenshotAsync(page, "10-status");
    }

    [Fact]
    public async Task A_facet_shows_the_name_as_documents_write_it_and_filters_by_its_key()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.BaseUrl + "/#/?q=radium");
        var facet = page.Locator("section[aria-labelledby='facet-Person'] button.facet").First;
        await facet.WaitForAsync();

        Assert.Equal("Marie Curie", await facet.Locator(".name").InnerTextAsync());
        Assert.Equal("Person:marie curie", await facet.GetAttributeAsync("data-key"));
        await PipelineSite.ScreenshotAsync(page, "11-facet-display-name");

        await page.Locator(".result h2 a").First.ClickAsync();
        await page.Locator(".entity-list a").First.WaitForAsync();
        Assert.Contains("Marie Curie", await page.Locator(".entity-list").InnerTextAsync(), StringComparison.Ordinal);
    }
}
