using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MassTransit;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Pipeline.Contracts;
using Pipeline.Hosting;
using Pipeline.Inbox;
using Pipeline.Storage;

namespace Pipeline.Query;

/// <summary><c>POST /api/documents</c>: an upload or JSON becomes a <see cref="DocumentFetched"/> (or, for a bare URL, a <see cref="FetchRequested"/>).</summary>
internal static class IngestEndpoint
{
    public const string SourceKind = "api";
    private const int MaxNameLength = 200;
    private const int MaxUrlLength = 2000;
    private const int MaxTitleLength = 500;

    public static async Task<IResult> IngestAsync(
        HttpRequest request, IBus bus, IDocumentStore store, IOptions<PipelineOptions> pipeline, IOptions<QueryOptions> options, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var maxBytes = pipeline.Value.MaxDocumentBytes;
        var publisher = new Publisher(bus, store, options.Value, clock);
        var bodyLimit = (long)maxBytes + QueryService.MultipartOverheadBytes;
        if (request.ContentLength > bodyLimit)
        {
            return Problems.TooLarge($"The request is {request.ContentLength:N0} bytes; documents are limited to {maxBytes:N0} bytes (Pipeline:MaxDocumentBytes).");
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = bodyLimit;
        }

        try
        {
            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync(cancellationToken);
                var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault();
                if (file is null)
                {
                    return Problems.Invalid("file", "Send the document as a form field named 'file'.");
                }

                var name = Path.GetFileName(file.FileName.Replace('\\', '/'));
                if (string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength)
                {
                    return Problems.Invalid("file", $"The file needs a name of at most {MaxNameLength} characters.");
                }

                if (file.Length > maxBytes)
                {
                    return Problems.TooLarge($"The file is {file.Length:N0} bytes; documents are limited to {maxBytes:N0} bytes (Pipeline:MaxDocumentBytes).");
                }

                await using var content = file.OpenReadStream();
                var source = new DocumentSource(SourceKind, ApiUri(name), name);
                return await PublishAsync(content, name, source, null, publisher, maxBytes, clock, cancellationToken);
            }

            if (request.HasJsonContentType())
            {
                IngestRequest? body;
                try
                {
                    body = await request.ReadFromJsonAsync<IngestRequest>(cancellationToken);
                }
                catch (JsonException ex)
                {
                    return Problems.Invalid("body", "The body is not valid JSON for {text, url, title, name}: " + ex.Message);
                }

                return body is null
                    ? Problems.Invalid("body", "Send {text, url?, title?, name?} or {url}.")
                    : await IngestJsonAsync(body, publisher, maxBytes, clock, cancellationToken);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problems.TooLarge($"The request is larger than documents may be ({maxBytes:N0} bytes, Pipeline:MaxDocumentBytes).");
        }
        catch (InvalidDataException ex)
        {
            // The form reader's own limits (multipart body length, header counts).
            return Problems.Invalid("file", ex.Message);
        }

        return Problems.Unsupported("Send multipart/form-data with a 'file' field, or application/json.");
    }

    private static async Task<IResult> IngestJsonAsync(IngestRequest body, Publisher publisher, int maxBytes, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Uri? url = null;
        if (body.Url is not null
            && (body.Url.Length > MaxUrlLength || !Uri.TryCreate(body.Url, UriKind.Absolute, out url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
        {
            errors["url"] = [$"url must be an absolute http or https URL of at most {MaxUrlLength} characters."];
        }

        if (body.Title is { Length: > MaxTitleLength })
        {
            errors["title"] = [$"title is limited to {MaxTitleLength} characters."];
        }

        if (body.Name is { } n && (n.Length > MaxNameLength || n != Path.GetFileName(n) || string.IsNullOrWhiteSpace(n)))
        {
            errors["name"] = [$"name is a file name (no folders) of at most {MaxNameLength} characters."];
        }

        if (string.IsNullOrWhiteSpace(body.Text) && url is null && !errors.ContainsKey("url"))
        {
            errors["text"] = ["Send text, or a url to fetch."];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        if (string.IsNullOrWhiteSpace(body.Text))
        {
            // A bare URL is the fetcher's job: it fetches politely, with conditional requests, and publishes DocumentFetched.
            var uri = url!.AbsoluteUri;
            var fetchSource = new DocumentSource(SourceKind, uri, url.Host + url.AbsolutePath);
            var fetchId = DocumentIdentity.ForSourceUri(uri);
            await publisher.PublishAsync(fetchId, new FetchRequested(fetchId, fetchSource, SourceKind, 0, null, null, clock.GetUtcNow()), cancellationToken);
            return Accepted(fetchId, fetchSource, "fetch-requested");
        }

        var text = string.IsNullOrWhiteSpace(body.Title) ? body.Text : body.Title.Trim() + "\n\n" + body.Text;
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bytes.Length > maxBytes)
        {
            return Problems.TooLarge($"The text is {bytes.Length:N0} bytes; documents are limited to {maxBytes:N0} bytes (Pipeline:MaxDocumentBytes).");
        }

        var name = body.Name ?? (url is null ? $"text-{Convert.ToHexStringLower(SHA256.HashData(bytes))[..16]}.txt" : url.Host + url.AbsolutePath);
        var source = url is null
            ? new DocumentSource(SourceKind, ApiUri(name), name)
            : new DocumentSource(SourceKind, url.AbsoluteUri, name);
        using var content = new MemoryStream(bytes, writable: false);
        var contentType = url is not null && body.Name is null ? "text/plain; charset=utf-8" : null;
        return await PublishAsync(content, body.Name ?? "text.txt", source, contentType, publisher, maxBytes, clock, cancellationToken);
    }

    /// <summary>
    /// Runs the inbox's own intake checks (extension, empty, size) on the content, so an upload and a dropped file
    /// are accepted or refused by the same rules; the intake reads files, hence the short-lived temporary copy.
    /// </summary>
    private static async Task<IResult> PublishAsync(
        Stream content, string fileName, DocumentSource source, string? contentType, Publisher publisher, int maxBytes, TimeProvider clock, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "pipeline-query-uploads");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, Guid.NewGuid().ToString("N") + SafeExtension(fileName));
        try
        {
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await content.CopyToAsync(file, cancellationToken);
            }

            var id = DocumentIdentity.ForSourceUri(source.Uri);
            var intake = new FileIntake(maxBytes, new InboxOptions().Extensions, clock);
            var read = await intake.ReadAsync(path, id, source, stampVersion: false, cancellationToken);
            var (fetched, rejected) = (read.Fetched, read.Rejected);
            if (rejected is not null)
            {
                return rejected.Reason switch
                {
                    "too-large" => Problems.TooLarge(rejected.Detail),
                    "unsupported-format" => Problems.Unsupported(rejected.Detail),
                    _ => Problems.Invalid("file", rejected.Detail),
                };
            }

            await publisher.PublishAsync(id, fetched! with { ContentType = contentType }, cancellationToken);
            return Accepted(id, source, "accepted");
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static IResult Accepted(Guid id, DocumentSource source, string status)
    {
        var location = $"/api/documents/{id}";
        return TypedResults.Accepted(location, new IngestAccepted(id, status, location, source));
    }

    /// <summary>Marks the document as processing (so its location can tell the sender how it ends), then publishes it.</summary>
    private sealed class Publisher(IBus bus, IDocumentStore store, QueryOptions options, TimeProvider clock)
    {
        public async Task PublishAsync<T>(Guid id, T message, CancellationToken cancellationToken)
            where T : class
        {
            if (store is IOutcomeStore outcomes)
            {
                var now = clock.GetUtcNow();
                await outcomes.SaveOutcomeAsync(
                    new DocumentOutcome(id, DocumentOutcome.Processing, null, null, null, null, now),
                    now - TimeSpan.FromHours(options.OutcomeRetentionHours),
                    onlyIfTracked: false,
                    cancellationToken);
            }

            await bus.Publish(message, cancellationToken);
        }
    }

    /// <summary>The extension only, limited to letters and digits, so the temporary path is ours whatever the name.</summary>
    private static string SafeExtension(string fileName)
    {
        var extension = Path.GetExtension(fileName);
        return extension.Length is > 1 and <= 10 && extension[1..].All(char.IsAsciiLetterOrDigit) ? extension : ".unknown";
    }

    private static string ApiUri(string name) => "api:///" + Uri.EscapeDataString(name);
}
