using Microsoft.Extensions.Options;
using Pipeline.Hosting;
using RabbitMQ.Client.Exceptions;

namespace Pipeline.Query;

/// <summary><c>/api/errors</c>: the messages in the stages' <c>_error</c> queues (read-only; re-drive them with <c>pipeline errors retry</c>).</summary>
internal static class ErrorEndpoints
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/errors", ListAsync)
            .WithTags("Status")
            .AddEndpointFilter(ApiKeyFilter.Reads)
            .AddEndpointFilter(new KnownParameters("stage", "limit"))
            .WithName("ListErrors")
            .WithSummary("The faulted messages in each stage's _error queue: stage, document id, exception type and message, and when it faulted.")
            .WithDescription(
                $"stage: one of {string.Join(", ", ErrorQueues.Stages)} (default: all). limit: messages per queue, 1-{ErrorQueues.MaxLimit} (default 100). " +
                "Listing leaves every message in its queue, in its order. RabbitMQ only: on another transport, or when the broker does not answer, items is empty and error says why.")
            .Produces<ErrorsResponse>()
            .ProducesValidationProblem();

    private static async Task<IResult> ListAsync(
        HttpRequest request, IOptions<PipelineOptions> pipeline, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var stage = SearchParameters.Single(request.Query, "stage", errors, 80);
        var limit = SearchParameters.Integer(request.Query, "limit", errors, 100, 1, ErrorQueues.MaxLimit);
        var stages = ErrorQueues.Select(stage);
        if (stages is null)
        {
            errors["stage"] = [$"stage must be one of {string.Join(", ", ErrorQueues.Stages)}."];
        }

        if (errors.Count > 0 || stages is null)
        {
            return Problems.Invalid(errors);
        }

        if (pipeline.Value.Transport != TransportKind.RabbitMq)
        {
            return TypedResults.Ok(new ErrorsResponse([], "Error queues exist only on RabbitMQ (Pipeline:Transport is InMemory)."));
        }

        try
        {
            var queues = new ErrorQueues(pipeline.Value.RabbitMq.Resolve());
            return TypedResults.Ok(new ErrorsResponse(await queues.ListAsync(stages, limit, cancellationToken), null));
        }
        catch (Exception ex) when (ex is BrokerUnreachableException or OperationInterruptedException or AlreadyClosedException or TimeoutException)
        {
            logs.CreateLogger(typeof(ErrorEndpoints)).LogWarning(ex, "Could not read the error queues");
            return TypedResults.Ok(new ErrorsResponse([], "The RabbitMQ broker did not answer."));
        }
    }
}
