namespace Pipeline.Query;

/// <summary>
/// Refuses query parameters an endpoint does not take (a misspelt <c>limt</c>, <c>page=-1</c>, <c>q[$where]=1</c>)
/// with a 400 naming them, so a request never silently means something else.
/// </summary>
internal sealed class KnownParameters(params string[] allowed) : IEndpointFilter
{
    public static readonly KnownParameters None = new();

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var name in context.HttpContext.Request.Query.Keys)
        {
            if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                var shown = name.Length > 40 ? name[..40] + "…" : name;
                errors[shown] = [allowed.Length == 0
                    ? $"Unknown parameter '{shown}': this address takes no query parameters."
                    : $"Unknown parameter '{shown}': use {string.Join(", ", allowed)}."];
            }
        }

        return errors.Count > 0 ? Problems.Invalid(errors) : await next(context);
    }
}
