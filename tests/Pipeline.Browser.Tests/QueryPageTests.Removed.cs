using Microsoft.Playwright;

namespace Pipeline.Browser.Tests;

/// <summary>What cleaning removed, shown struck through where it stood.</summary>
public sealed partial class QueryPageTests
{
    [Fact]
    public async Task Removed_blocks_show_struck_through_in_place_when_asked_and_older_documents_keep_the_list()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.BaseUrl + "/#/?q=ketamine");
        await page.Locator(".result h2 a").First.ClickAsync();
        await page.Locator("#doc-text").WaitForAsync();
        var listed = await page.Locator("details.removed li").CountAsync();
        Assert.True(listed > 0, "The seed document lists nothing removed.");
        Assert.Equal(0, await page.Locator("#doc-text del.removed-inline:visible").CountAsync());

        await page.Locator("#show-removed").CheckAsync();

        var inPlace = page.Locator("#doc-text del.removed-inline");
        Assert.Equal(listed, await inPlace.CountAsync());
        Assert.Equal(listed, await page.Locator("#doc-text del.removed-inline:visible").CountAsync());
        Assert.Equal("line-through", await inPlace.First.EvaluateAsync<string>("e => getComputedStyle(e).textDecorationLine"));
        var kindsInPlace = await inPlace.Locator(".kind").AllTextContentsAsync();
        var kindsListed = await page.Locator("details.removed li .kind").AllTextContentsAsync();
        Assert.Equal(kindsListed.Order(StringComparer.Ordinal), kindsInPlace.Order(StringComparer.Ordinal));
        await PipelineSite.ScreenshotAsync(page, "12-removed-in-place");

        // A document stored before positions were kept: the list, and no toggle.
        await page.GotoAsync(site.BaseUrl + "/#/?q=radium");
        await page.Locator(".result h2 a").First.ClickAsync();
        await page.Locator("#doc-text").WaitForAsync();
        Assert.Equal(0, await page.Locator("#show-removed").CountAsync());
        Assert.Equal(1, await page.Locator("details.removed li").CountAsync());
    }
}
