using System.Text;
using Microsoft.AspNetCore.Http;

namespace Pipeline.Crawling.Tests;

/// <summary>
/// The crawl test site: an index, 30 article pages three levels deep, a robots.txt that disallows /private/ (but
/// allows /private/open), a sitemap, ETags on every page, a redirect chain, a redirect loop, a slow page, an oversized
/// page, a 500-then-200 page, a 429-with-Retry-After page, a canonical alias, an image and a nofollow link.
/// </summary>
internal sealed class CrawlSiteContent
{
    private int flakyCalls;
    private int throttledCalls;

    public int SlowMilliseconds { get; init; } = 3000;

    public int BigBytes { get; init; } = 2 * 1024 * 1024;

    /// <summary>The paths a depth-2 same-host crawl of "/" must store (worked out from the site's shape, by hand).</summary>
    public static IReadOnlyList<string> ExpectedAtDepth2 { get; } =
    [
        "/",
        .. Enumerable.Range(1, 10).Select(n => $"/p/{n}"),     // depth 1
        "/private/open", "/p/redirected", "/flaky", "/throttled", // depth 1 (the redirect target takes its first link's depth)
        .. Enumerable.Range(11, 10).Select(n => $"/p/{n}"),    // depth 2
    ];

    public async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var site = $"{context.Request.Scheme}://{context.Request.Host}";
        switch (path)
        {
            case "/robots.txt":
                await Text(context, "text/plain", $"# test site\nUser-agent: OtherBot\nDisallow: /\n\nUser-agent: *\nDisallow: /private/\nAllow: /private/open\nDisallow: /*.pdf$\n\nSitemap: {site}/sitemap.xml\n");
                return;
            case "/sitemap.xml":
                await Text(context, "application/xml", $"""<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>{site}/</loc></url><url><loc>{site}/orphan</loc></url></urlset>""");
                return;
            case "/":
                await Page(context, "Index", "The index of the test site lists every section.",
                    [.. Enumerable.Range(1, 10).Select(n => $"/p/{n}"), "/p/1?utm_source=newsletter&utm_medium=email", "/p/2#comments",
                     "/private/a", "/private/b", "/private/open", "/go/r1", "/loop/a", "/slow", "/big", "/flaky", "/throttled",
                     "/image.png", "/canon-alias", "/report.pdf", "mailto:someone@example.org", "javascript:void(0)", "http://other.invalid/page"],
                    nofollow: ["/nofollowed"]);
                return;
            case "/go/r1":
                Redirect(context, "/go/r2");
                return;
            case "/go/r2":
                Redirect(context, "/go/r3");
                return;
            case "/go/r3":
                Redirect(context, $"{site}/p/redirected");
                return;
            case "/loop/a":
                Redirect(context, "/loop/b");
                return;
            case "/loop/b":
                Redirect(context, "/loop/a");
                return;
            case "/slow":
                await Task.Delay(SlowMilliseconds, context.RequestAborted);
                await Page(context, "Slow", "This page takes its time.", []);
                return;
            case "/big":
                await Big(context);
                return;
            case "/flaky":
                if (Interlocked.Increment(ref flakyCalls) == 1)
                {
                    context.Response.StatusCode = 500;
                    return;
                }

                await Page(context, "Flaky", "The flaky page failed once with a server error and then recovered.", []);
                return;
            case "/throttled":
                if (Interlocked.Increment(ref throttledCalls) == 1)
                {
                    context.Response.StatusCode = 429;
                    context.Response.Headers.RetryAfter = "1";
                    return;
                }

                await Page(context, "Throttled", "The throttled page asked for patience once and then answered.", []);
                return;
            case "/image.png":
                context.Response.ContentType = "image/png";
                await context.Response.Body.WriteAsync(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
                return;
            case "/canon-alias":
                await Page(context, "Alias", "A print view of the third article, pointing at the original.", [], canonical: "/p/3");
                return;
        }

        if (path.StartsWith("/p/", StringComparison.Ordinal) && int.TryParse(path[3..], out var n) && n is >= 1 and <= 30)
        {
            string[] links = n <= 20 ? [$"/p/{n + 10}"] : [$"/p/{n}/deeper"];
            await Page(context, $"Article {n}", ArticleText(n), links);
            return;
        }

        if (path is "/p/redirected" or "/private/open" or "/orphan" or "/nofollowed" || path.StartsWith("/private/", StringComparison.Ordinal))
        {
            await Page(context, path, $"The page at {path} has its own short story about {path.Length} lanterns.", []);
            return;
        }

        context.Response.StatusCode = 404;
    }

    public static string ArticleText(int n) =>
        $"Article number {n} describes the harbour town of Veldmark in season {n}. " +
        $"Fishermen there counted {n * 7} boats and {n * 13} nets before the storm of year {1900 + n}. " +
        $"The council met {n + 2} times to discuss the lighthouse, and the mayor wrote {n * 3} letters about it.";

    private static async Task Page(HttpContext context, string title, string text, IReadOnlyList<string> links, IReadOnlyList<string>? nofollow = null, string? canonical = null)
    {
        var html = new StringBuilder();
        html.Append("<!doctype html><html><head><meta charset=\"utf-8\"><title>").Append(title).Append("</title>");
        if (canonical is not null)
        {
            html.Append("<link rel=\"canonical\" href=\"").Append(canonical).Append("\">");
        }

        html.Append("</head><body><article><h1>").Append(title).Append("</h1><p>").Append(text).Append("</p><p>")
            .Append(text.Replace("describes", "recalls", StringComparison.Ordinal)).Append("</p></article><nav><ul>");
        foreach (var link in links)
        {
            html.Append("<li><a href=\"").Append(link).Append("\">").Append(link).Append("</a></li>");
        }

        foreach (var link in nofollow ?? [])
        {
            html.Append("<li><a rel=\"nofollow\" href=\"").Append(link).Append("\">").Append(link).Append("</a></li>");
        }

        html.Append("</ul></nav></body></html>");
        var body = Encoding.UTF8.GetBytes(html.ToString());
        var etag = $"\"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(body))[..16]}\"";
        context.Response.Headers.ETag = etag;
        if (context.Request.Headers.IfNoneMatch.ToString() == etag)
        {
            context.Response.StatusCode = 304;
            return;
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.Body.WriteAsync(body);
    }

    private static void Redirect(HttpContext context, string location)
    {
        context.Response.StatusCode = 301;
        context.Response.Headers.Location = location;
    }

    private async Task Big(HttpContext context)
    {
        // No Content-Length: the fetcher must notice while streaming, not from the headers.
        context.Response.ContentType = "text/html";
        var chunk = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("<p>filler text for a page that is far too large.</p>\n", 300)));
        for (var written = 0; written < BigBytes; written += chunk.Length)
        {
            await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
        }
    }

    private static Task Text(HttpContext context, string contentType, string text)
    {
        context.Response.ContentType = contentType;
        return context.Response.WriteAsync(text);
    }
}
