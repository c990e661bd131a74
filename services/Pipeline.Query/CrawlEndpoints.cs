using Pipeline.Storage;

namespace Pipeline.Query;

/// <summary><c>/api/crawls</c>: define and list crawls; the crawler builds its schedules from the stored definitions.</summary>
internal static class CrawlEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/crawls").WithTags("Crawls");
        group.MapGet("/", ListAsync)
            .AddEndpointFilter(KnownParameters.None)
            .AddEndpointFilter(ApiKeyFilter.Reads)
            .WithName("ListCrawls")
            .WithSummary("The crawl definitions.")
            .Produces<IReadOnlyList<CrawlDefinition>>();
        group.MapPost("/", SaveAsync)
            .AddEndpointFilter(ApiKeyFilter.Writes)
            .WithName("SaveCrawl")
            .WithSummary("Create or replace a crawl by name (needs X-Api-Key).")
            .WithDescription(
                "name: letters, digits, '-', '_', '.' (1-64). seeds: 1-100 http(s) URLs. Exactly one of interval (90s, 30m, 6h, 1d or hh:mm:ss; 1 second to 365 days) " +
                "and cron (a Quartz cron expression). depth 0-10 (default 2), maxPages 1-1000000 (default 1000), scope same-host (default), same-prefix or list, useSitemap. " +
                "The same rules and messages as `pipeline crawl add`; hosts are resolved when the crawl runs, not here.")
            .Accepts<CrawlRequest>("application/json")
            .Produces<CrawlDefinition>(StatusCodes.Status201Created)
            .Produces<CrawlDefinition>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static async Task<IResult> ListAsync(ICrawlStateStore crawls, CancellationToken cancellationToken) =>
        TypedResults.Ok(await crawls.ListCrawlsAsync(cancellationToken));

    private static async Task<IResult> SaveAsync(CrawlRequest? request, ICrawlStateStore crawls, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return Problems.Invalid("body", "Send the crawl as JSON: {name, seeds, interval or cron, depth, maxPages, scope, useSitemap}.");
        }

        var definition = request.ToDefinition(clock.GetUtcNow(), out var errors);
        if (definition is null)
        {
            return Problems.Invalid(errors);
        }

        var existed = await crawls.GetCrawlAsync(definition.Name, cancellationToken) is not null;
        await crawls.SaveCrawlAsync(definition, cancellationToken);
        return existed ? TypedResults.Ok(definition) : TypedResults.Created($"/api/crawls/{Uri.EscapeDataString(definition.Name)}", definition);
    }
}
