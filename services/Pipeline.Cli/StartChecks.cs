using System.Net;
using System.Net.Sockets;

namespace Pipeline.Cli;

/// <summary>What <c>pipeline run</c> checks before it creates anything: a free port and folders it can write.</summary>
internal static class StartChecks
{
    /// <summary>Null when the port can be listened on at 127.0.0.1, else a one-line reason naming the port and <c>--port</c>.</summary>
    public static string? PortProblem(int port)
    {
        if (port is < 1 or > 65535)
        {
            return $"--port {port} is not a port number: use 1 to 65535.";
        }

        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return null;
        }
        catch (SocketException ex)
        {
            return ex.SocketErrorCode == SocketError.AddressAlreadyInUse
                ? $"Port {port} is already in use (is another pipeline running?); choose another with --port."
                : $"Cannot listen on port {port} ({ex.Message}); choose another with --port.";
        }
    }

    /// <summary>
    /// Null when <paramref name="path"/> is a folder that can be written, or can be created (its nearest existing
    /// parent is a writable folder), else a one-line reason naming <paramref name="option"/>. Creates nothing.
    /// </summary>
    public static string? FolderProblem(string path, string role, string option)
    {
        if (File.Exists(path))
        {
            return $"The {role} {path} is a file, not a folder; choose another with {option}.";
        }

        var existing = path;
        while (!Directory.Exists(existing))
        {
            var parent = Path.GetDirectoryName(existing);
            if (parent is null)
            {
                return $"The {role} {path} cannot be created; choose another with {option}.";
            }

            if (File.Exists(parent))
            {
                return $"The {role} {path} cannot be created: {parent} is a file; choose another with {option}.";
            }

            existing = parent;
        }

        var probe = Path.Combine(existing, $".pipeline-write-check-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            using (File.Create(probe, 1, FileOptions.DeleteOnClose))
            {
            }

            return null;
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            return existing == path
                ? $"The {role} {path} cannot be written ({ex.Message}); choose another with {option}."
                : $"The {role} {path} cannot be created in {existing} ({ex.Message}); choose another with {option}.";
        }
    }
}
