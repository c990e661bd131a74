using Microsoft.Extensions.Options;
using Pipeline.Hosting;
using Pipeline.Storage;

namespace Pipeline.Query;

/// <summary><c>/api/documents</c>: search, read one, ingest.</summary>
internal static class DocumentEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var reads = api.MapGroup("/documents").WithTags("Documents").AddEndpointFilter(ApiKeyFilter.Reads);
        reads.MapGet("/", SearchAsync)
            .AddEndpointFilter(new KnownParameters("q", "entity", "source", "from", "to", "dateField", "sort", "cursor", "limit"))
            .WithName("SearchDocuments")
            .WithSummary("Search the stored documents.")
            .WithDescription(
                "q: words and \"quoted phrases\", all of which must match (plain words only: operators are matched as text). " +
                "entity: Type:value, repeatable, all must be mentioned. source: a source kind (inbox, file, web, api), a host, or a URI prefix. " +
                "from, to: dates (to includes its day) or ISO 8601 times; dateField: published (default) or stored. " +
                "sort: relevance (default, needs q) or date. limit: 1-100 (default 20). cursor: the nextCursor of the previous page.")
            .Produces<SearchResponse>()
            .ProducesValidationProblem();
        reads.MapGet("/{id}", GetAsync)
            .AddEndpointFilter(KnownParameters.None)
            .WithName("GetDocument")
            .WithSummary("A stored document: cleaned text, metadata, entities with their spans, what cleaning removed.")
            .WithDescription(
                "Also the location POST /api/documents answers with: 202 {status: processing} while the document is on its way, then the stored " +
                "document (status: stored), or 200 {status: rejected, stage, reason, detail}, {status: failed} or {status: duplicate, duplicateOf}. " +
                "Outcomes are kept for Query:OutcomeRetentionHours.")
            .Produces<DocumentView>()
            .Produces<OutcomeView>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem();
        api.MapPost("/documents", IngestEndpoint.IngestAsync)
            .WithTags("Documents")
            .AddEndpointFilter(ApiKeyFilter.Writes)
            .WithName("IngestDocument")
            .WithSummary("Ingest a document through the pipeline (needs X-Api-Key).")
            .WithDescription(
                "multipart/form-data with a 'file' (.txt, .md, .html...), or JSON {text, url?, title?, name?}, or JSON {url} to have the fetcher fetch it. " +
                "Returns 202 with the document id and its location, which tells how it ends: processing, then the stored document, or why it was rejected or failed.")
            .Accepts<IngestRequest>("application/json", "multipart/form-data")
            .Produces<IngestAccepted>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
    }

    private static async Task<IResult> SearchAsync(HttpRequest request, IDocumentStore store, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var query = SearchParameters.Read(request.Query, "q", errors, paging: true);
        if (query is null)
        {
            return Problems.Invalid(errors);
        }

        try
        {
            // The count and the page are independent reads: side by side (on another thread, since SQLite's async
            // calls complete synchronously), the answer waits for the slower one only.
            var count = query.Cursor is null ? Task.Run(() => store.CountAsync(query, cancellationToken), cancellationToken) : Task.FromResult(-1L);
            var search = store.SearchAsync(query, cancellationToken);
            await Task.WhenAll(count, search);
            var page = await search;
            long? total = query.Cursor is null ? await count : null;
            return TypedResults.Ok(new SearchResponse(total, page.Hits, page.NextCursor));
        }
        catch (ArgumentException ex)
        {
            // The store's own checks (a cursor it did not make, a limit): the caller's input, not a fault.
            return Problems.Invalid(ex.ParamName is "cursor" or "Cursor" ? "cursor" : "query", ErrorText.Of(ex));
        }
    }

    private static async Task<IResult> GetAsync(string id, IDocumentStore store, IOptions<QueryOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var guid))
        {
            return Problems.Invalid("id", "A document id is a GUID, such as 3f2b8c1e-....");
        }

        var document = await store.GetAsync(guid, cancellationToken);
        var outcome = store is IOutcomeStore outcomes
            ? await outcomes.GetOutcomeAsync(guid, clock.GetUtcNow() - TimeSpan.FromHours(options.Value.OutcomeRetentionHours), cancellationToken)
            : null;

        // A submission newer than the stored version tells how it went; otherwise the stored document is the answer.
        if (outcome is not null && outcome.Status != DocumentOutcome.Stored && (document is null || document.StoredAt < outcome.RecordedAt))
        {
            return outcome.Status == DocumentOutcome.Processing
                ? TypedResults.Json(OutcomeView.From(outcome), statusCode: StatusCodes.Status202Accepted)
                : TypedResults.Ok(OutcomeView.From(outcome));
        }

        return document is null
            ? Problems.NotFound($"No document has the id {guid}.")
            : TypedResults.Ok(DocumentView.From(document));
    }
}
