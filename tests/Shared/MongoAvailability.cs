using System.Diagnostics;

namespace Pipeline.Tests.Shared;

/// <summary>
/// Where a real MongoDB comes from: <c>MONGODB_URL</c>, else a container of <c>PIPELINE_MONGO_IMAGE</c> (default the
/// official <c>mongo:8</c>) when a Docker engine answers and the image is here or can be pulled. Decided once per test
/// run, when tests are discovered, so a test that cannot run is reported as skipped with the reason.
/// </summary>
public static class MongoAvailability
{
    private static readonly Lazy<(string? Url, string? Image, string? Reason)> Probe = new(Decide);

    public static string? Url => Probe.Value.Url;

    public static string? Image => Probe.Value.Image;

    /// <summary>Why no server can be had, or null when one can.</summary>
    public static string? SkipReason => Probe.Value.Reason;

    private static (string? Url, string? Image, string? Reason) Decide()
    {
        var url = Environment.GetEnvironmentVariable("MONGODB_URL");
        if (!string.IsNullOrWhiteSpace(url))
        {
            return (url, null, null);
        }

        DockerEnvironment.Apply();
        var image = Environment.GetEnvironmentVariable("PIPELINE_MONGO_IMAGE") is { Length: > 0 } given ? given : "mongo:8";
        var (inspected, _) = Docker(TimeSpan.FromSeconds(15), "image", "inspect", "--format", "{{.Id}}", image);
        if (inspected == 0)
        {
            return (null, image, null);
        }

        var (pulled, output) = Docker(TimeSpan.FromSeconds(180), "pull", image);
        return pulled == 0
            ? (null, image, null)
            : (null, null, $"no MongoDB server: MONGODB_URL is not set and the image {image} cannot be had (docker pull: {output}). Set MONGODB_URL or PIPELINE_MONGO_IMAGE to run these tests.");
    }

    private static (int Exit, string Output) Docker(TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo("docker") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                return (-1, $"timed out after {timeout.TotalSeconds:0} s");
            }

            var text = (stderr.Result + stdout.Result).Trim();
            var firstLine = text.Split('\n', 2)[0].Trim();
            return (process.ExitCode, firstLine.Length > 200 ? firstLine[..200] : firstLine);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (-1, $"no docker command ({ex.Message})");
        }
    }
}
