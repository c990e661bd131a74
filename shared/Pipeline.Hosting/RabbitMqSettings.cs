using System.ComponentModel.DataAnnotations;

namespace Pipeline.Hosting;

/// <summary>The broker to use when <see cref="PipelineOptions.Transport"/> is <c>RabbitMq</c>.</summary>
public sealed class RabbitMqSettings
{
    [Required]
    public string Host { get; set; } = "localhost";

    [Range(1, 65535)]
    public int Port { get; set; } = 5672;

    [Required]
    public string VirtualHost { get; set; } = "/";

    [Required]
    public string Username { get; set; } = "guest";

    [Required]
    public string Password { get; set; } = "guest";

    /// <summary>
    /// An <c>amqp://user:password@host:port/vhost</c> URL (as printed by <c>infra/rabbitmq.sh</c>); when set it overrides
    /// <see cref="Host"/>, <see cref="Port"/>, <see cref="VirtualHost"/> and, if it carries them, the credentials.
    /// </summary>
    public string? Url { get; set; }

    /// <summary>The settings with <see cref="Url"/> applied.</summary>
    public RabbitMqSettings Resolve()
    {
        if (string.IsNullOrWhiteSpace(Url))
        {
            return this;
        }

        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps"))
        {
            throw new InvalidOperationException($"Pipeline:RabbitMq:Url '{Url}' is not an amqp:// URL.");
        }

        var credentials = uri.UserInfo.Split(':', 2);
        var path = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        return new RabbitMqSettings
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5672 : uri.Port,
            VirtualHost = path.Length == 0 ? "/" : path,
            Username = credentials[0].Length > 0 ? Uri.UnescapeDataString(credentials[0]) : Username,
            Password = credentials.Length > 1 ? Uri.UnescapeDataString(credentials[1]) : Password,
            ManagementUrl = ManagementUrl,
            UnhealthyExitSeconds = UnhealthyExitSeconds,
        };
    }

    /// <summary>
    /// A bus unhealthy (disconnected, or with a receive endpoint down) for this long stops the process with exit code
    /// 71 so its supervisor restarts it; 0 turns this off.
    /// </summary>
    [Range(0, 86_400)]
    public int UnhealthyExitSeconds { get; set; } = 90;

    /// <summary>The management API (for queue depths on the status page), e.g. <c>http://localhost:15672</c>; optional.</summary>
    public string? ManagementUrl { get; set; }
}
