namespace Pipeline.Tests.Shared;

/// <summary>
/// The settings Testcontainers needs against Debian's Docker 20.10 (API 1.41 at most, no Ryuk: its image cannot be
/// pulled without a registry, and the fixtures remove their own containers), and the engine <c>infra/docker-engine.sh</c>
/// starts, when the test command did not already say which one to use.
/// </summary>
public static class DockerEnvironment
{
    private const string PipelineSocket = "/run/pipeline-docker/docker.sock";

    public static void Apply()
    {
        SetDefault("DOCKER_API_VERSION", "1.41");
        SetDefault("TESTCONTAINERS_RYUK_DISABLED", "true");
        SetDefault("TESTCONTAINERS_HOST_OVERRIDE", "127.0.0.1");
        if (File.Exists(PipelineSocket) && !File.Exists("/var/run/docker.sock"))
        {
            SetDefault("DOCKER_HOST", "unix://" + PipelineSocket);
        }
    }

    private static void SetDefault(string name, string value)
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name)))
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}
