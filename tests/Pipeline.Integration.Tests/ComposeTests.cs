namespace Pipeline.Integration.Tests;

/// <summary>docker-compose.yml is valid (checked by docker-compose itself, which needs no engine for <c>config</c>).</summary>
public sealed class ComposeTests
{
    [Fact]
    public async Task The_compose_file_is_valid_and_configures_every_service_by_environment()
    {
        var (exit, output) = await Repository.RunAsync("docker-compose", ["-f", Path.Combine(Repository.Root, "docker-compose.yml"), "config"], TimeSpan.FromMinutes(1));

        Assert.True(exit == 0, output);
        foreach (var service in new[] { "rabbitmq:", "mongo:", "inbox:", "cleaner:", "tagger:", "store:" })
        {
            Assert.Contains("  " + service, output, StringComparison.Ordinal);
        }

        Assert.Contains("Pipeline__Transport: RabbitMq", output, StringComparison.Ordinal);
        Assert.Contains("Pipeline__Store: Mongo", output, StringComparison.Ordinal);
        Assert.Contains("Inbox__Path: /inbox", output, StringComparison.Ordinal);
        foreach (var project in Directory.GetDirectories(Path.Combine(Repository.Root, "services")).Select(Path.GetFileName))
        {
            if (project is not "Pipeline.Cli")
            {
                Assert.Contains("SERVICE: " + project, output, StringComparison.Ordinal);
            }
        }
    }
}
