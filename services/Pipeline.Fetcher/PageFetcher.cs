using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Pipeline.Contracts;
using Pipeline.Hosting;

namespace Pipeline.Fetcher;

/// <summary>
/// One conditional GET of one URL: no redirects followed here (the crawler schedules the target, so every request
/// to a host goes through its politeness), the body streamed up to the size limit, pages, text and the document formats the cleaner extracts.
/// </summary>
internal sealed class PageFetcher(IHttpClientFactory clients, IOptions<CrawlerOptions> crawlerOptions, IOptions<PipelineOptions> pipelineOptions, TimeProvider clock)
{
    public const string ClientName = "crawler";

    /// <summary>What the cleaner's extractors read: web pages, text, and the documents people link to (PDF, Office, e-mail, e-books, archives).</summary>
    private static readonly string[] AcceptedMediaTypes =
    [
        "text/html", "application/xhtml+xml", "text/plain", "text/markdown", "application/pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "message/rfc822", "application/epub+zip", "application/zip", "application/x-zip-compressed",
        "application/gzip", "application/x-gzip", "application/x-tar",
    ];

    /// <summary>Servers often send documents as <c>application/octet-stream</c>; the URL's extension then says what it is.</summary>
    private static readonly string[] DocumentExtensions = [".pdf", ".docx", ".pptx", ".eml", ".epub", ".zip", ".tgz", ".tar.gz", ".md"];

    public async Task<PageFetch> FetchAsync(Uri url, string? etag, string? lastModified, string? previousHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        var options = crawlerOptions.Value;
        var maxBytes = pipelineOptions.Value.MaxDocumentBytes;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,text/plain;q=0.9,application/pdf;q=0.8,*/*;q=0.1");
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }

        if (lastModified is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
        }

        var client = clients.CreateClient(ClientName);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return await ReadAsync(url, response, previousHash, maxBytes, options.MaxLinksPerPage, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new PageFetch(FetchOutcome.TransientError, 0, $"timed out after {options.TimeoutSeconds} s");
        }
        catch (HttpRequestException ex) when (FindBlocked(ex) is { } blocked)
        {
            return new PageFetch(FetchOutcome.PermanentError, 0, blocked.Message);
        }
        catch (HttpRequestException ex) when (ex.HttpRequestError == HttpRequestError.NameResolutionError)
        {
            return new PageFetch(FetchOutcome.PermanentError, 0, ex.Message);
        }
        catch (HttpRequestException ex)
        {
            return new PageFetch(FetchOutcome.TransientError, 0, ex.Message);
        }
        catch (IOException ex)
        {
            return new PageFetch(FetchOutcome.TransientError, 0, ex.Message);
        }
    }

    /// <summary>A small resource the crawler reads itself (robots.txt, sitemaps): status and text, or an error (status 0).</summary>
    public async Task<(int Status, string? Text, string? Error)> FetchResourceAsync(Uri url, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(crawlerOptions.Value.TimeoutSeconds));
        var client = clients.CreateClient(ClientName);
        var target = url;
        try
        {
            // robots.txt redirects are followed (RFC 9309 asks for at least five hops); each hop is checked by the guard.
            for (var hop = 0; hop <= crawlerOptions.Value.MaxRedirects; hop++)
            {
                using var response = await client.GetAsync(target, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                var status = (int)response.StatusCode;
                if (status is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    target = new Uri(target, location);
                    continue;
                }

                if (status is < 200 or >= 300)
                {
                    return (status, null, $"HTTP {status}");
                }

                var body = await ReadLimitedAsync(response.Content, maxBytes, timeout.Token);
                return body is null ? (status, null, $"over {maxBytes} bytes") : (status, System.Text.Encoding.UTF8.GetString(body), null);
            }

            return (0, null, "too many redirects");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (0, null, "timed out");
        }
        catch (HttpRequestException ex)
        {
            return (0, null, FindBlocked(ex)?.Message ?? ex.Message);
        }
        catch (IOException ex)
        {
            return (0, null, ex.Message);
        }
    }

    private async Task<PageFetch> ReadAsync(Uri url, HttpResponseMessage response, string? previousHash, int maxBytes, int maxLinks, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var etag = response.Headers.ETag?.ToString();
        var lastModified = response.Content.Headers.LastModified?.ToString("R", CultureInfo.InvariantCulture);
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            return new PageFetch(FetchOutcome.NotModified, status, null) { ETag = etag, LastModified = lastModified };
        }

        if (status is >= 300 and < 400)
        {
            var location = response.Headers.Location;
            return location is null
                ? new PageFetch(FetchOutcome.PermanentError, status, $"HTTP {status} without a Location")
                : new PageFetch(FetchOutcome.Redirect, status, null) { Target = new Uri(url, location).AbsoluteUri };
        }

        if (status is 429 or 503)
        {
            return new PageFetch(FetchOutcome.Throttled, status, $"HTTP {status}") { RetryAfterSeconds = RetryAfter(response.Headers.RetryAfter) };
        }

        if (status >= 500)
        {
            return new PageFetch(FetchOutcome.TransientError, status, $"HTTP {status}") { RetryAfterSeconds = RetryAfter(response.Headers.RetryAfter) };
        }

        if (status >= 400 || status < 200 || status == 204)
        {
            return new PageFetch(FetchOutcome.PermanentError, status, $"HTTP {status}");
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType?.ToLowerInvariant() ?? "text/html";
        var document = mediaType == "application/octet-stream" && DocumentExtensions.Any(e => url.AbsolutePath.EndsWith(e, StringComparison.OrdinalIgnoreCase));
        if (!AcceptedMediaTypes.Contains(mediaType) && !document)
        {
            return Rejected(status, "unsupported-content-type", $"content type {mediaType} is not a page, text or a supported document");
        }

        if (response.Content.Headers.ContentLength is { } declared && declared > maxBytes)
        {
            return Rejected(status, "too-large", $"{declared} bytes is over the {maxBytes}-byte limit");
        }

        var body = await ReadLimitedAsync(response.Content, maxBytes, cancellationToken);
        if (body is null)
        {
            return Rejected(status, "too-large", $"the body is over the {maxBytes}-byte limit (aborted while streaming)");
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(body));
        var charset = response.Content.Headers.ContentType?.CharSet?.Trim('"').ToLowerInvariant();
        var html = mediaType is "text/html" or "application/xhtml+xml";
        if (charset is null && html)
        {
            charset = HtmlLinks.MetaCharset(body);
        }

        var contentType = charset is null ? mediaType : $"{mediaType}; charset={charset}";
        PageLinks links = html ? HtmlLinks.Extract(Decode(body, charset), url, maxLinks) : new PageLinks([], null);
        var result = new PageFetch(FetchOutcome.Fetched, status, null)
        {
            ETag = etag,
            LastModified = lastModified,
            ContentHash = hash,
            Links = links.Links,
            ContentType = contentType,
        };
        if (links.Canonical is { } canonical && UrlNormalizer.Normalize(canonical) is { } normalized && normalized != UrlNormalizer.Normalize(url))
        {
            return result with { Outcome = FetchOutcome.Canonical, Target = normalized, Body = body };
        }

        return hash == previousHash ? result with { Outcome = FetchOutcome.Unchanged } : result with { Body = body };
    }

    private static PageFetch Rejected(int status, string reason, string detail) =>
        new(FetchOutcome.Rejected, status, detail) { RejectReason = reason };

    private double? RetryAfter(RetryConditionHeaderValue? value)
    {
        if (value?.Delta is { } delta)
        {
            return Math.Max(0, delta.TotalSeconds);
        }

        if (value?.Date is { } date)
        {
            return Math.Max(0, (date - clock.GetUtcNow()).TotalSeconds);
        }

        return null;
    }

    /// <summary>The body, or null as soon as it passes <paramref name="maxBytes"/> (the rest is never read).</summary>
    private static async Task<byte[]?> ReadLimitedAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static string Decode(byte[] body, string? charset)
    {
        var encoding = System.Text.Encoding.UTF8;
        if (charset is not null)
        {
            try
            {
                encoding = System.Text.Encoding.GetEncoding(charset);
            }
            catch (ArgumentException)
            {
                // An unknown charset: links are ASCII in practice, UTF-8 reads them.
            }
        }

        return encoding.GetString(body);
    }

    private static BlockedAddressException? FindBlocked(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is BlockedAddressException blocked)
            {
                return blocked;
            }
        }

        return null;
    }
}
