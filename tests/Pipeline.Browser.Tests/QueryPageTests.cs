using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Pipeline.Browser.Tests;

/// <summary>The query page in headless Chromium over the seeds ingested through the real pipeline. Screenshots go to bin/.../screenshots.</summary>
public sealed partial class QueryPageTests(PipelineSite site) : IClassFixture<PipelineSite>
{
    private static readonly PageWaitForFunctionOptions Wait = new() { Timeout = 15_000 };

    [Fact]
    public async Task Searching_ketamine_then_a_disease_facet_then_a_document_shows_highlighted_entities()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.BaseUrl + "/");
        await page.Locator("#q").PressSequentiallyAsync("ketamine");

        // Instant results: no Enter pressed.
        await page.WaitForFunctionAsync("() => location.hash.includes('q=ketamine') && document.querySelectorAll('.result').length === 5", null, Wait);
        Assert.Contains("of 5 documents", await page.Locator("#result-summary").InnerTextAsync(), StringComparison.Ordinal);
        var marked = await page.Locator(".result").EvaluateAllAsync<int>(
            "rs => rs.filter(r => [...r.querySelectorAll('.snippet mark')].some(m => m.textContent.toLowerCase() === 'ketamine')).length");
        Assert.Equal(5, marked);
        var diseaseFacets = page.Locator("section[aria-labelledby='facet-Disease'] button.facet");
        await diseaseFacets.First.WaitForAsync();
        await PipelineSite.ScreenshotAsync(page, "1-search-ketamine");

        var facetKey = await diseaseFacets.First.GetAttributeAsync("data-key");
        Assert.StartsWith("Disease:", facetKey, StringComparison.Ordinal);
        await diseaseFacets.First.ClickAsync();
        await page.WaitForFunctionAsync("k => new URLSearchParams(location.hash.split('?')[1]).getAll('entity').includes(k) && document.querySelectorAll('.chip').length === 1 && document.querySelectorAll('.result').length > 0", facetKey, Wait);
        await page.Locator("section[aria-labelledby='facet-Disease'] button.facet[aria-pressed='true']").WaitForAsync();
        Assert.Contains(facetKey!.Replace(":", ": ", StringComparison.Ordinal), await page.Locator(".chip").InnerTextAsync(), StringComparison.Ordinal);
        AssertNoStrayText(await page.Locator("main").InnerTextAsync());
        await PipelineSite.ScreenshotAsync(page, "2-disease-facet");

        await page.Locator(".result h2 a").First.ClickAsync();
        await page.Locator("#doc-text .ent").First.WaitForAsync();
        Assert.True(await page.Locator("#doc-text .ent[data-type='Disease']").CountAsync() > 0);
        Assert.True(await page.Locator("#doc-text .ent[data-type='Chemical']").CountAsync() > 0);
        Assert.Contains("Disease", await page.Locator("#legend").InnerTextAsync(), StringComparison.Ordinal);
        var ketamine = page.Locator("#doc-text .ent[data-type='Chemical']").Filter(new LocatorFilterOptions { HasTextRegex = new Regex("^ketamine$", RegexOptions.IgnoreCase) }).First;
        var tip = await ketamine.GetAttributeAsync("data-tip");
        Assert.StartsWith("Chemical: ", tip, StringComparison.Ordinal);
        var background = await ketamine.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        Assert.NotEqual("rgba(0, 0, 0, 0)", background);
        Assert.Contains("Removed by cleaning", await page.Locator("details.removed summary").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Source", await page.Locator("dl.metadata").InnerTextAsync(), StringComparison.Ordinal);
        AssertNoStrayText(await page.Locator("main").InnerTextAsync());
        await ketamine.HoverAsync();
        await PipelineSite.ScreenshotAsync(page, "3-document");

        await page.Locator("details.removed summary").ClickAsync();
        Assert.True(await page.Locator("details.removed li").CountAsync() > 0);
        await PipelineSite.ScreenshotAsync(page, "4-document-removed-open");
    }

    [Fact]
    public async Task The_entity_view_lists_documents_and_cooccurring_entities()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.BaseUrl + "/#/entity/" + Uri.EscapeDataString("Chemical:ketamine"));
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.result').length > 0", null, Wait);
        Assert.Contains("ketamine", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("[aria-labelledby='co-title'] .entity-list a").CountAsync() > 3);
        var mentioned = Regex.Match(await page.Locator("main > .summary").InnerTextAsync(), "Mentioned in ([0-9]+) documents");
        Assert.True(mentioned.Success);
        Assert.InRange(int.Parse(mentioned.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 2, 6);
        Assert.Equal(mentioned.Groups[1].Value, (await page.Locator(".result").CountAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await PipelineSite.ScreenshotAsync(page, "5-entity");
    }

    [Fact]
    public async Task A_stored_script_tag_and_onerror_attribute_show_as_text_and_never_run()
    {
        var page = await site.NewPageAsync();
        var dialogs = 0;
        page.Dialog += (_, dialog) =>
        {
            dialogs++;
            _ = dialog.DismissAsync();
        };
        await page.GotoAsync(site.BaseUrl + "/#/doc/" + site.HostileId);
        await page.Locator("#doc-text").WaitForAsync();

        var text = await page.Locator("#doc-text").TextContentAsync();
        Assert.Contains("<script>window.__pwned = 1</script>", text, StringComparison.Ordinal);
        Assert.Contains("<img src=x onerror=\"window.__pwned = 2\">", text, StringComparison.Ordinal);
        Assert.Contains("<script>window.__pwned = 4</script>Hostile", await page.Locator("h1").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("main script, main img, main b").CountAsync());
        var tip = await page.Locator("#doc-text .ent[data-type='Url']").GetAttributeAsync("data-tip");
        Assert.Equal("Url: <img src=x onerror=window.__pwned=3>\n<b>id</b>", tip);

        await page.Locator("details.removed summary").ClickAsync();
        Assert.Contains("<script>window.__pwned = 5</script>", await page.Locator("details.removed").TextContentAsync(), StringComparison.Ordinal);
        await page.Locator("#show-removed").CheckAsync();
        Assert.Equal("promotion<script>window.__pwned = 5</script>", await page.Locator("#doc-text del.removed-inline").TextContentAsync());

        // And in the results list: the title and snippet are text too.
        await page.Locator("#q").FillAsync("pwned");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.result').length === 1", null, Wait);
        Assert.Contains("<script>", await page.Locator(".result h2").TextContentAsync(), StringComparison.Ordinal);
        await page.WaitForTimeoutAsync(300);
        await PipelineSite.ScreenshotAsync(page, "6-hostile-document-search");

        Assert.Null(await page.EvaluateAsync<int?>("() => window.__pwned ?? null"));
        Assert.Equal(0, dialogs);
    }

    [Fact]
    public async Task On_a_phone_the_page_fits_the_width_and_works_from_the_keyboard()
    {
        var page = await site.NewPageAsync(390, 844);
        await page.GotoAsync(site.BaseUrl + "/");
        await page.Locator(".summary").First.WaitForAsync();
        await page.Keyboard.PressAsync("/");
        Assert.Equal("q", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Keyboard.TypeAsync("fibromyalgia");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => location.hash.includes('q=fibromyalgia') && document.querySelectorAll('.result').length > 0", null, Wait);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"), "The search page scrolls sideways at phone width.");
        await PipelineSite.ScreenshotAsync(page, "7-phone-search");

        // Tab from the search box to the first result link, open it with Enter.
        await page.Locator("#q").FocusAsync();
        var reached = false;
        for (var i = 0; i < 60 && !reached; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached = await page.EvaluateAsync<bool>("() => document.activeElement.matches('.result h2 a')");
        }

        Assert.True(reached, "Tab never reached a result.");
        var outline = await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle");
        Assert.Equal("solid", outline);
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#doc-text .ent").First.WaitForAsync();
        var overflow = await page.EvaluateAsync<string>(
            "() => document.documentElement.scrollWidth + ' > ' + document.documentElement.clientWidth + ': ' + [...document.querySelectorAll('main *')].filter(e => e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 1).slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + e.scrollWidth + '/' + e.clientWidth).join(', ')");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"), "The document page scrolls sideways at phone width: " + overflow);
        await PipelineSite.ScreenshotAsync(page, "8-phone-document");
    }

    /// <summary>Values rendered by mistake (a null, an array) show up as these words.</summary>
    private static void AssertNoStrayText(string text)
    {
        Assert.DoesNotContain("[object", text, StringComparison.Ordinal);
        Assert.DoesNotContain("undefined", text, StringComparison.Ordinal);
        Assert.DoesNotMatch(new Regex("(?m)^null$"), text);
    }
}
