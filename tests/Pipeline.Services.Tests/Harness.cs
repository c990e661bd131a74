using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

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
