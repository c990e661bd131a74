using System.Security.Cryptography;

namespace Pipeline.Query;

/// <summary>The page's files, embedded in the assembly and served from memory with ETags.</summary>
internal sealed class WebAssets
{
    private readonly Dictionary<string, Asset> assets;

    private WebAssets(Dictionary<string, Asset> assets) => this.assets = assets;

    public static WebAssets Load()
    {
        var assembly = typeof(WebAssets).Assembly;
        var assets = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("web/", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var bytes = buffer.ToArray();
            var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..16] + "\"";
            assets["/" + name["web/".Length..]] = new Asset(bytes, ContentTypeOf(name), etag);
        }

        return new WebAssets(assets);
    }

    public void Map(IEndpointRouteBuilder app)
    {
        foreach (var (path, asset) in assets)
        {
            app.MapMethods(path == "/index.html" ? "/" : path, [HttpMethods.Get, HttpMethods.Head], (HttpContext context) => Serve(context, asset)).ExcludeFromDescription();
        }
    }

    private static IResult Serve(HttpContext context, Asset asset)
    {
        context.Response.Headers.ETag = asset.ETag;
        context.Response.Headers.CacheControl = "no-cache";
        if (context.Request.Headers.IfNoneMatch.Contains(asset.ETag))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.Bytes(asset.Content, asset.ContentType);
    }

    private static string ContentTypeOf(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };

    private sealed record Asset(byte[] Content, string ContentType, string ETag);
}
