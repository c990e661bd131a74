using System.Diagnostics;

namespace Pipeline.Tests.Shared;

/// <summary>
/// A RabbitMQ broker for the tests: <c>RABBITMQ_URL</c> when given, else a throwaway one from <c>infra/rabbitmq.sh</c>
/// (stopped afterwards). A broker that cannot start fails the tests that need it; they are never skipped.
/// </summary>
public sealed class RabbitMqFixture : IAsyncLifetime
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

        var (exit, stdout, stderr) = await RunScriptAsync("start");
        if (exit != 0)
        {
            throw new InvalidOperationException($"RabbitMQ could not be started (infra/rabbitmq.sh start exited {exit}; CI={Environment.GetEnvironmentVariable("CI")}):\n{stderr}");
        }

        foreach (var line in stdout.Split('\n', StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith("RABBITMQ_URL=", StringComparison.Ordinal))
            {
                Url = new Uri(line["RABBITMQ_URL=".Length..]);
            }
            else if (line.StartsWith("RABBITMQ_DIR=", StringComparison.Ordinal))
            {
                directory = line["RABBITMQ_DIR=".Length..];
            }
        }

        if (Url is null)
        {
            throw new InvalidOperationException($"infra/rabbitmq.sh start printed no RABBITMQ_URL:\n{stdout}");
        }
    }

    public async Task DisposeAsync()
    {
        if (directory is not null)
        {
            await RunScriptAsync("stop", directory);
        }
    }

    /// <summary>The settings that put a host on this broker.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Pipeline:Transport"] = "RabbitMq",
        ["Pipeline:RabbitMq:Url"] = Url.ToString(),
    };

    private static async Task<(int Exit, string Stdout, string Stderr)> RunScriptAsync(params string[] arguments)
    {
        var script = Path.Combine(RepositoryRoot(), "infra", "rabbitmq.sh");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "infra", "rabbitmq.sh")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("infra/rabbitmq.sh not found above " + AppContext.BaseDirectory);
    }
}

[CollectionDefinition(Name)]
public sealed class RabbitMqCollection : ICollectionFixture<RabbitMqFixture>
{
    public const string Name = "RabbitMQ";
}
