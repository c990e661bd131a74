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

    /// <summary>The management API (for queue depths on the status page), e.g. <c>http://localhost:15672</c>; optional.</summary>
    public string? ManagementUrl { get; set; }
}
