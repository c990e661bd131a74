namespace Pipeline.Integration.Tests;

/// <summary>
/// The real broker: <c>RABBITMQ_URL</c> when given, else a throwaway rabbitmq-server from the OS package started by
/// <c>infra/rabbitmq.sh</c>. A broker that cannot be had fails the tests; they are never skipped.
/// </summary>
public sealed class RabbitMqBroker : IAsyncLifetime
{
    private string? directory;

    public Uri Url { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var given = Environment.GetEnvironmentVariable("RABBITMQ_URL");
        if (!string.IsNullOrWhiteSpace(given))
        {
            Url = new Uri(given);
            return;
        }

        var (exit, output) = await Repository.RunAsync("bash", [Path.Combine(Repository.Root, "infra", "rabbitmq.sh"), "start"], TimeSpan.FromMinutes(3));
        var values = output.Split('\n', StringSplitOptions.TrimEntries)
            .Where(l => l.StartsWith("RABBITMQ_", StringComparison.Ordinal) && l.Contains('=', StringComparison.Ordinal))
            .ToDictionary(l => l[..l.IndexOf('=', StringComparison.Ordinal)], l => l[(l.IndexOf('=', StringComparison.Ordinal) + 1)..]);
        if (exit != 0 || !values.TryGetValue("RABBITMQ_URL", out var url))
        {
            throw new InvalidOperationException(
                $"No RabbitMQ broker: set RABBITMQ_URL or install rabbitmq-server (infra/install-test-deps.sh). infra/rabbitmq.sh said:\n{output}");
        }

        directory = values["RABBITMQ_DIR"];
        Url = new Uri(url);
    }

    public async Task DisposeAsync()
    {
        if (directory is not null)
        {
            await Repository.RunAsync("bash", [Path.Combine(Repository.Root, "infra", "rabbitmq.sh"), "stop", directory], TimeSpan.FromMinutes(1));
        }
    }
}
