using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Pipeline.Services.Tests;

/// <summary>MassTransit's in-memory test harness around the services a test registers.</summary>
internal static class Harness
{
    public static async Task<(ServiceProvider Provider, ITestHarness Harness)> StartAsync(
        Action<IServiceCollection> services, Action<IBusRegistrationConfigurator> consumers)
    {
        var collection = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System);
        services(collection);
        collection.AddMassTransitTestHarness(consumers);
        var provider = collection.BuildServiceProvider(true);
        var harness = provider.GetRequiredService<ITestHarness>();
        harness.TestTimeout = TimeSpan.FromSeconds(20);
        await harness.Start();
        return (provider, harness);
    }

    public static async Task<T> PublishedAsync<T>(this ITestHarness harness, Func<T, bool>? filter = null)
        where T : class
    {
        filter ??= _ => true;
        Assert.True(
            await Eventually(() => harness.Published.Select<T>(x => filter(x.Context.Message)).Any()),
            $"No matching {typeof(T).Name} was published.");
        return harness.Published.Select<T>(x => filter(x.Context.Message)).First().Context.Message;
    }

    /// <summary>
    /// Stops a background service and fails, naming it, when it has not finished within 30 s: a service that ignores its
    /// stopping token would otherwise hang the test run instead of failing it.
    /// </summary>
    public static async Task StopWithinAsync(this BackgroundService service)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await service.StopAsync(limit.Token);
        Assert.True(service.ExecuteTask is null or { IsCompleted: true }, $"{service.GetType().Name} did not stop within 30 s of being asked to.");
    }

    /// <summary>Polls until the condition holds (work started outside the bus, like the inbox watcher, is invisible to the harness's inactivity wait).</summary>
    public static async Task<bool> Eventually(Func<bool> condition, int timeoutMilliseconds = 20_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMilliseconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }
}
