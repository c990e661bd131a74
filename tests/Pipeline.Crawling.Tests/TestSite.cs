using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Pipeline.Crawling.Tests;

/// <summary>A web site served by Kestrel on loopback addresses, logging every request it receives.</summary>
internal sealed class TestSite : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<SiteRequest> requests = new();

    private TestSite(WebApplication app) => this.app = app;

    public IReadOnlyList<string> BaseUrls { get; private set; } = [];

    public string BaseUrl => BaseUrls[0];

    public IReadOnlyList<SiteRequest> Requests => [.. requests];

    /// <summary>Starts a site on each address (port chosen by the OS); <paramref name="handler"/> answers every request.</summary>
    public static async Task<TestSite> StartAsync(Func<HttpContext, Task> handler, params string[] addresses)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            foreach (var address in addresses.Length == 0 ? ["127.0.0.1"] : addresses)
            {
                k.Listen(IPAddress.Parse(address), 0);
            }
        });
        var app = builder.Build();
        var site = new TestSite(app);
        app.Use(async (context, next) =>
        {
            site.requests.Enqueue(new SiteRequest(
                context.Request.Host.Host, context.Request.Path + context.Request.QueryString, Stopwatch.GetTimestamp(),
                context.Request.Headers.UserAgent.ToString(), context.Request.Headers.IfNoneMatch.ToString()));
            await next(context);
        });
        app.Run(context => handler(context));
        await app.StartAsync();
        site.BaseUrls = app.Urls.Select(u => u.TrimEnd('/')).ToList();
        return site;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <summary>One request the site received, with a monotonic timestamp.</summary>
internal sealed record SiteRequest(string Host, string PathAndQuery, long Timestamp, string UserAgent, string IfNoneMatch)
{
    public static double MillisecondsBetween(SiteRequest a, SiteRequest b) =>
        (b.Timestamp - a.Timestamp) * 1000.0 / Stopwatch.Frequency;
}
