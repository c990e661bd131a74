using System.Diagnostics;
using DotNet.Testcontainers.Builders;
using Testcontainers.RabbitMq;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Pipeline.Tests.Shared;

/// <summary>
/// A RabbitMQ broker for the tests: <c>RABBITMQ_URL</c> when given; else a throwaway container through
/// Testcontainers (<c>new RabbitMqBuilder(image)</c>, the image from <c>PIPELINE_RABBITMQ_IMAGE</c>, which
/// <c>infra/rabbitmq-image.sh</c> pulls or builds); else, when no Docker engine answers, a broker process from
/// <c>infra/rabbitmq.sh</c>. Which one is used is written to the test output. A broker that cannot be had fails the
/// tests that need it; they are never skipped.
/// </summary>
public sealed class RabbitMqFixture(IMessageSink diagnostics) : IAsyncLifetime
{
    private const string DefaultImage = "rabbitmq:3-management";
    private RabbitMqContainer? container;
    private string? directory;

    public Uri Url { get; private set; } = null!;

    /// <summary>The management API (<c>http://host:port/</c>, credentials in <see cref="Url"/>), when the broker has one.</summary>
    public Uri? ManagementUrl { get; private set; }

    /// <summary>How the broker was obtained, for the test output.</summary>
    public string Origin { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var given = Environment.GetEnvironmentVariable("RABBITMQ_URL");
        if (!string.IsNullOrWhiteSpace(given))
        {
            Url = new Uri(given);
            Origin = "RABBITMQ_URL";
        }
        else if (await TryContainerAsync() is { } reason)
        {
            await StartProcessAsync(reason);
        }

        diagnostics.OnMessage(new DiagnosticMessage($"RabbitMQ for the tests: {Origin} ({Url.Host}:{Url.Port})"));
    }

    /// <summary>Starts the container; returns why it could not be, or null.</summary>
    private async Task<string?> TryContainerAsync()
    {
        DockerEnvironment.Apply();
        var image = Environment.GetEnvironmentVariable("PIPELINE_RABBITMQ_IMAGE") is { Length: > 0 } given ? given : DefaultImage;
        try
        {
            container = new RabbitMqBuilder(image)
                .WithUsername("guest")
                .WithPassword("guest")
                .WithPortBinding(15672, true)
                .WithEnvironment("RABBITMQ_LOGS", "-")
                .WithWaitStrategy(Wait.ForUnixContainer().UntilMessageIsLogged("Server startup complete"))
                .Build();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await container.StartAsync(timeout.Token);
            Url = new Uri(container.GetConnectionString());
            ManagementUrl = new Uri($"http://{container.Hostname}:{container.GetMappedPublicPort(15672)}/");
            Origin = $"Testcontainers container of {image}";
            return null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            if (container is not null)
            {
                await container.DisposeAsync();
                container = null;
            }

            return $"{ex.GetType().Name}: {ex.Message.Split('\n')[0]}";
        }
    }

    private async Task StartProcessAsync(string whyNotContainer)
    {
        var (exit, stdout, stderr) = await RunScriptAsync("start");
        if (exit != 0)
        {
            throw new InvalidOperationException(
                $"RabbitMQ could not be had: no container ({whyNotContainer}) and infra/rabbitmq.sh start exited {exit} (CI={Environment.GetEnvironmentVariable("CI")}):\n{stderr}");
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

        Origin = $"infra/rabbitmq.sh process, because no container could be started ({whyNotContainer})";
    }

    public async Task DisposeAsync()
    {
        if (container is not null)
        {
            await container.DisposeAsync();
        }

        if (directory is not null)
        {
            await RunScriptAsync("stop", directory);
        }
    }

    /// <summary>
    /// Stops the broker application (<c>rabbitmqctl stop_app</c>): every connection is dropped and the AMQP port closes,
    /// the node and its durable queues stay, so <see cref="StartAppAsync"/> brings it back on the same port. Not for a
    /// broker given by <c>RABBITMQ_URL</c> (it may be shared).
    /// </summary>
    public Task StopAppAsync() => ControlAsync("stop_app");

    /// <summary>Starts the broker application again after <see cref="StopAppAsync"/> and waits until it takes connections.</summary>
    public Task StartAppAsync() => ControlAsync("start_app");

    private async Task ControlAsync(string command)
    {
        if (container is not null)
        {
            var result = await container.ExecAsync(["rabbitmqctl", "-q", command]);
            if (result.ExitCode == 0 && command == "start_app")
            {
                result = await container.ExecAsync(["rabbitmqctl", "-q", "await_startup", "--timeout", "60"]);
            }

            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException($"rabbitmqctl {command} in the container exited {result.ExitCode}: {result.Stderr}");
            }
        }
        else if (directory is not null)
        {
            var (exit, _, stderr) = await RunScriptAsync(command, directory);
            if (exit != 0)
            {
                throw new InvalidOperationException($"infra/rabbitmq.sh {command} exited {exit}: {stderr}");
            }
        }
        else
        {
            throw new InvalidOperationException($"The broker from {Origin} cannot be stopped by the tests (only a container or an infra/rabbitmq.sh process).");
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
