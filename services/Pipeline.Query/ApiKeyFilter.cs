using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Pipeline.Query;

/// <summary>Checks the <c>X-Api-Key</c> header: always on writes, on reads only when <see cref="QueryOptions.RequireKeyForReads"/>.</summary>
internal sealed class ApiKeyFilter(bool write) : IEndpointFilter
{
    public const string HeaderName = "X-Api-Key";

    public static readonly ApiKeyFilter Reads = new(write: false);

    public static readonly ApiKeyFilter Writes = new(write: true);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<QueryOptions>>().Value;
        if (!write && !options.RequireKeyForReads)
        {
            return await next(context);
        }

        if (string.IsNullOrEmpty(options.ApiKey))
        {
            return Problems.Forbidden(write
                ? "Writes are turned off: set Query:ApiKey (environment Query__ApiKey) to enable them."
                : "Reads need an API key, but Query:ApiKey is not set.");
        }

        var given = context.HttpContext.Request.Headers[HeaderName].ToString();
        if (given.Length == 0)
        {
            return Problems.Unauthorized("An API key is required.", $"Send the API key in the {HeaderName} header.");
        }

        if (!FixedTimeEquals(given, options.ApiKey))
        {
            return Problems.Unauthorized("The API key is wrong.", $"The key sent in the {HeaderName} header is not the one set in Query:ApiKey.");
        }

        return await next(context);
    }

    private static bool FixedTimeEquals(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(given)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
