using Pipeline.Storage;

namespace Pipeline.Query;

/// <summary><c>/api/crawls</c>: define and list crawls; the crawler builds its schedules from the stored definitions.</summary>
internal static class CrawlEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/crawls").WithTags("Crawls");
        group.MapGet("/", ListAsync)
            .AddEndpointFilter(ApiKeyFilter.Reads)
            .WithName("ListCrawls")
            .WithSummary("The crawl definitions.")
            .Produces<IReadOnlyList<CrawlDefinition>>();
        group.MapPost("/", SaveAsync)
            .AddEndpointFilter(ApiKeyFilter.Writes)
            .WithName("SaveCrawl")
            .WithSummary("Create or replace a crawl by name (needs X-Api-Key).")
            .WithDescription(
                "name: letters, digits, '-', '_', '.' (1-64). seeds: 1-100 http(s) URLs. Exactly one of interval (30m, 6h, 1d or hh:mm:ss, at least 1 minute) " +
                "and cron (a Quartz cron expression). depth 0-10 (default 1), maxPages 1-100000 (default 100), scope same-host (default), same-prefix or list, useSitemap.")
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

        var errors = request.Validate(out var interval);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var definition = new CrawlDefinition(
            request.Name!,
            request.Seeds!.Select(s => new Uri(s).AbsoluteUri).Distinct(StringComparer.Ordinal).ToList(),
            interval,
            string.IsNullOrWhiteSpace(request.Cron) ? null : request.Cron.Trim(),
            request.Depth ?? 1,
            request.MaxPages ?? 100,
            request.Scope ?? "same-host",
            request.UseSitemap ?? false,
            clock.GetUtcNow());
        var existed = await crawls.GetCrawlAsync(definition.Name, cancellationToken) is not null;
        await crawls.SaveCrawlAsync(definition, cancellationToken);
        return existed ? TypedResults.Ok(definition) : TypedResults.Created($"/api/crawls/{Uri.EscapeDataString(definition.Name)}", definition);
    }
}
