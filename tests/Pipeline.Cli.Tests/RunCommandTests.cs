using System.Net;
using System.Net.Sockets;

namespace Pipeline.Cli.Tests;

/// <summary><c>pipeline run</c> refuses to start, in one line and before creating anything, when it could not run.</summary>
public sealed class RunCommandTests
{
    [Fact]
    public async Task A_port_in_use_is_one_line_naming_the_port_and_the_option_with_exit_code_2_and_no_folders()
    {
        using var temp = new TempFolder();
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var inbox = Path.Combine(temp.Path, "inbox");
        var data = Path.Combine(temp.Path, "data");

        var (exit, output, error) = await CliRun.RunAsync(RunCommand.Create(), "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--inbox", inbox, "--data", data);

        Assert.Equal(2, exit);
        Assert.Equal($"Port {port} is already in use (is another pipeline running?); choose another with --port.", error.Trim());
        Assert.Equal(string.Empty, output);
        Assert.False(Directory.Exists(inbox));
        Assert.False(Directory.Exists(data));
    }

    [Fact]
    public async Task An_inbox_or_data_folder_that_cannot_be_created_is_refused_the_same_way()
    {
        using var temp = new TempFolder();
        var file = Path.Combine(temp.Path, "a-file");
        await File.WriteAllTextAsync(file, "not a folder");

        var (inboxExit, _, inboxError) = await CliRun.RunAsync(RunCommand.Create(), "--port", "0", "--inbox", Path.Combine(file, "inbox"), "--data", Path.Combine(temp.Path, "data"));
        Assert.Equal(2, inboxExit);
        Assert.Contains("--port 0 is not a port number", inboxError, StringComparison.Ordinal);

        var port = FreePort();
        var (exit, _, error) = await CliRun.RunAsync(RunCommand.Create(), "--port", port, "--inbox", Path.Combine(file, "inbox"), "--data", Path.Combine(temp.Path, "data"));
        Assert.Equal(2, exit);
        Assert.Equal($"The inbox folder {Path.Combine(file, "inbox")} cannot be created: {file} is a file; choose another with --inbox.", error.Trim());

        (exit, _, error) = await CliRun.RunAsync(RunCommand.Create(), "--port", port, "--inbox", Path.Combine(temp.Path, "inbox"), "--data", file);
        Assert.Equal(2, exit);
        Assert.Equal($"The data folder {file} is a file, not a folder; choose another with --data.", error.Trim());
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "inbox")));
    }

    [Fact]
    public void A_writable_or_creatable_folder_passes_the_check_and_nothing_is_created()
    {
        using var temp = new TempFolder();
        var deep = Path.Combine(temp.Path, "a", "b", "c");
        Assert.Null(StartChecks.FolderProblem(deep, "inbox folder", "--inbox"));
        Assert.Null(StartChecks.FolderProblem(temp.Path, "data folder", "--data"));
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    private static string FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
