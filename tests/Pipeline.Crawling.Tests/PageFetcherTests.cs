using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pipeline.Contracts;
using Pipeline.Fetcher;

namespace Pipeline.Crawling.Tests;

/// <summary>The fetcher's single GET against a real Kestrel server.</summary>
public sealed class PageFetcherTests
{
    [Fact]
    public async Task Passes_the_charset_from_the_header_or_else_from_the_meta_tag()
    {
        await using var site = await TestSite.StartAsync(Serve);
        using var host = FetcherHost(allowPrivate: true);
        var fetcher = host.Services.GetRequiredService<PageFetcher>();

        var header = await fetcher.FetchAsync(new Uri(site.BaseUrl + "/header"), null, null, null, CancellationToken.None);
        Assert.Equal(FetchOutcome.Fetched, header.Outcome);
        Assert.Equal("text/html; charset=iso-8859-1", header.ContentType);

        var meta = await fetcher.FetchAsync(new Uri(site.BaseUrl + "/meta"), null, null, null, CancellationToken.None);
        Assert.Equal("text/html; charset=windows-1252", meta.ContentType);
        Assert.Equal([site.BaseUrl + "/next"], meta.Links);
    }

    [Fact]
    public async Task Decompresses_gzip_and_sends_conditional_headers()
    {
        await using var site = await TestSite.StartAsync(Serve);
        using var host = FetcherHost(allowPrivate: true);
        var fetcher = host.Services.GetRequiredService<PageFetcher>();

        var gzip = await fetcher.FetchAsync(new Uri(site.BaseUrl + "/gzip"), null, null, null, CancellationToken.None);
        Assert.Equal(FetchOutcome.Fetched, gzip.Outcome);
        Assert.Contains("compressed words", Encoding.UTF8.GetString(gzip.Body!), StringComparison.Ordinal);

        var conditional = await fetcher.FetchAsync(new Uri(site.BaseUrl + "/etag"), "\"v7\"", "Wed, 01 Jan 2025 00:00:00 GMT", null, CancellationToken.None);
        Assert.Equal(FetchOutcome.NotModified, conditional.Outcome);
        var request = site.Requests.Last();
        Assert.Equal("\"v7\"", request.IfNoneMatch);

        var same = await fetcher.FetchAsync(new Uri(site.BaseUrl + "/header"), null, null, null, CancellationToken.None);
        var again = await fetcher.FetchAsync(new Uri(site.BaseUrl + "/header"), null, null, same.ContentHash, CancellationToken.None);
        Assert.Equal(FetchOutcome.Unchanged, again.Outcome);
        Assert.Null(again.Body);
    }

    [Fact]
    public async Task Fetches_documents_and_rejects_other_content_types_and_declared_oversized_bodies_with_a_reason()
    {
        await using var site = await TestSite.StartAsync(Serve);
        using var host = FetcherHost(allowPrivate: true);
        var fetcher = host.Services.GetRequiredService<PageFetcher>();

        var image = await fetcher.FetchAsync(new Uri(site.BaseUrl + "/image"), null, null, null, CancellationToken.None);
        Assert.Equal(FetchOutcome.Rejected, image.Outcome);
        Assert.Equal("unsupported-content-type", image.RejectReason);
        Assert.Contains("image/png", image.Error, StringComparison.Ordinal);

        var pdf = await fetcher.FetchAsync(new Uri(site.BaseUrl + "/pdf"), null, null, null, CancellationToken.None);
        Assert.Equal(FetchOutcome.Fetched, pdf.Outcome);
        Assert.Equal("application/pdf", pdf.ContentType);
        Assert.Equal("%PDF-1.7"u8.ToArray(), pdf.Body);
        Assert.Empty(pdf.Links);

        var download = await fetcher.FetchAsync(new Uri(site.BaseUrl + "/files/report.docx"), null, null, null, CancellationToken.None);
        Assert.Equal(FetchOutcome.Fetched, download.Outcome);
        var blob = await fetcher.FetchAsync(new Uri(site.BaseUrl + "/files/blob"), null, null, null, CancellationToken.None);
        Assert.Equal("unsupported-content-type", blob.RejectReason);

        var big = await fetcher.FetchAsync(new Uri(site.BaseUrl + "/declared-big"), null, null, null, CancellationToken.None);
        Assert.Equal(FetchOutcome.Rejected, big.Outcome);
        Assert.Equal("too-large", big.RejectReason);
    }

    [Fact]
    public async Task Never_connects_to_a_private_address_without_the_setting()
    {
        await using var site = await TestSite.StartAsync(Serve);
        using var host = FetcherHost(allowPrivate: false);
        var fetcher = host.Services.GetRequiredService<PageFetcher>();

        var result = await fetcher.FetchAsync(new Uri(site.BaseUrl + "/header"), null, null, null, CancellationToken.None);
        Assert.Equal(FetchOutcome.PermanentError, result.Outcome);
        Assert.Contains("Crawler:AllowPrivateNetworks", result.Error, StringComparison.Ordinal);

        var (status, text, error) = await fetcher.FetchResourceAsync(new Uri(site.BaseUrl + "/robots.txt"), 1024, CancellationToken.None);
        Assert.Equal(0, status);
        Assert.Null(text);
        Assert.Contains("Crawler:AllowPrivateNetworks", error, StringComparison.Ordinal);
        Assert.Empty(site.Requests);
    }

    private static IHost FetcherHost(bool allowPrivate)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = true });
        builder.Configuration["Crawler:AllowPrivateNetworks"] = allowPrivate ? "true" : "false";
        builder.Configuration["Pipeline:MaxDocumentBytes"] = "65536";
        Pipeline.Hosting.PipelineHostingExtensions.AddPipelineStore(builder);
        FetcherService.AddServices(builder);
        return builder.Build();
    }

    private static async Task Serve(HttpContext context)
    {
        switch (context.Request.Path.Value)
        {
            case "/header":
                context.Response.ContentType = "text/html; charset=ISO-8859-1";
                await context.Response.Body.WriteAsync(Encoding.Latin1.GetBytes("<p>Caf\u00e9 cr\u00e8me</p>"));
                break;
            case "/meta":
                context.Response.ContentType = "text/html";
                await context.Response.WriteAsync("<html><head><meta charset=\"windows-1252\"></head><body><a href=\"/next\">next</a></body></html>");
                break;
            case "/gzip":
                context.Response.ContentType = "text/plain; charset=utf-8";
                context.Response.Headers.ContentEncoding = "gzip";
                using (var buffer = new MemoryStream())
                {
                    await using (var zip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
                    {
                        await zip.WriteAsync(Encoding.UTF8.GetBytes("some compressed words"));
                    }

                    await context.Response.Body.WriteAsync(buffer.ToArray());
                }

                break;
            case "/etag":
                context.Response.Headers.ETag = "\"v7\"";
                context.Response.StatusCode = context.Request.Headers.IfNoneMatch == "\"v7\"" ? 304 : 200;
                break;
            case "/pdf":
                context.Response.ContentType = "application/pdf";
                await context.Response.WriteAsync("%PDF-1.7");
                break;
            case "/image":
                context.Response.ContentType = "image/png";
                await context.Response.Body.WriteAsync(new byte[] { 0x89, 0x50, 0x4E, 0x47 });
                break;
            case "/files/report.docx" or "/files/blob":
                context.Response.ContentType = "application/octet-stream";
                await context.Response.Body.WriteAsync("PK\u0003\u0004"u8.ToArray());
                break;
            case "/declared-big":
                context.Response.ContentType = "text/html";
                context.Response.ContentLength = 1_000_000;
                await context.Response.Body.WriteAsync(new byte[1000]);
                break;
            default:
                context.Response.StatusCode = 404;
                break;
        }
    }
}
