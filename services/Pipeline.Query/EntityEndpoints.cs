using Pipeline.Storage;

namespace Pipeline.Query;

/// <summary><c>/api/entities</c>: top entities (facets, autocomplete) and what co-occurs with one.</summary>
internal static class EntityEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/entities").WithTags("Entities").AddEndpointFilter(ApiKeyFilter.Reads);
        group.MapGet("/", TopAsync)
            .AddEndpointFilter(new KnownParameters("search", "entity", "source", "from", "to", "dateField", "type", "q", "limit"))
            .WithName("ListEntities")
            .WithSummary("Top entities per type with their document counts, for facets and autocomplete.")
            .WithDescription(
                "type: one entity type, or all. q: only values starting with this (autocomplete). limit: per type, 1-100 (default 10). " +
                "The documents counted can be narrowed with the search filters: search (text), entity, source, from, to, dateField.")
            .Produces<EntitiesResponse>()
            .ProducesValidationProblem();
        group.MapGet("/cooccurring", CooccurringAsync)
            .AddEndpointFilter(new KnownParameters("entity", "limit"))
            .WithName("CooccurringEntities")
            .WithSummary("An entity's document count and the entities that appear most often in the same documents.")
            .WithDescription("entity: Type:value (required). limit: 1-100 (default 20).")
            .Produces<CooccurrenceResponse>()
            .ProducesValidationProblem();
    }

    private static async Task<IResult> TopAsync(HttpRequest request, IDocumentStore store, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var query = SearchParameters.Read(request.Query, "search", errors, paging: false);
        var type = SearchParameters.Single(request.Query, "type", errors, 40);
        var prefix = SearchParameters.Single(request.Query, "q", errors, EntityKey.MaxValueLength);
        var limit = SearchParameters.Integer(request.Query, "limit", errors, 10, 1, 100);
        string? canonicalType = null;
        if (!string.IsNullOrWhiteSpace(type))
        {
            canonicalType = EntityKey.Types.FirstOrDefault(t => string.Equals(t, type.Trim(), StringComparison.OrdinalIgnoreCase));
            if (canonicalType is null)
            {
                errors["type"] = [$"type must be one of {string.Join(", ", EntityKey.Types)}."];
            }
        }

        if (query is null || errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var facets = await store.FacetsAsync(query, canonicalType, string.IsNullOrWhiteSpace(prefix) ? null : prefix, limit, cancellationToken);
        return TypedResults.Ok(new EntitiesResponse(facets.Select(EntityView.From).ToList()));
    }

    private static async Task<IResult> CooccurringAsync(HttpRequest request, IDocumentStore store, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var value = SearchParameters.Single(request.Query, "entity", errors, EntityKey.MaxValueLength + 20);
        var limit = SearchParameters.Integer(request.Query, "limit", errors, 20, 1, 100);
        EntityKey? key = null;
        if (errors.Count == 0 && !EntityKey.TryParse(value, out key))
        {
            errors["entity"] = ["entity is required: Type:value, such as Chemical:ketamine."];
        }

        if (errors.Count > 0 || key is not { } entity)
        {
            return Problems.Invalid(errors);
        }

        var within = new DocumentQuery { Entities = [entity] };
        var documents = await store.CountAsync(within, cancellationToken);
        var related = await store.CooccurringAsync(entity, limit, cancellationToken);

        // Its own display name: among the documents mentioning it, it is the top entity of its type starting with its value.
        var self = (await store.FacetsAsync(within, entity.Type, entity.Value, 5, cancellationToken)).FirstOrDefault(f => f.Value == entity.Value);
        return TypedResults.Ok(new CooccurrenceResponse(
            new EntityView(entity.Type, entity.Value, self?.Name ?? entity.Value, entity.ToString(), documents),
            related.Select(EntityView.From).ToList()));
    }
}
