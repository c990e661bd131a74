using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Pipeline.Hosting;

namespace Pipeline.Query;

/// <summary>Reads queue depths from the RabbitMQ management API (<c>Pipeline:RabbitMq:ManagementUrl</c>).</summary>
internal sealed class QueueDepths(IHttpClientFactory clients, IOptions<PipelineOptions> pipeline, ILogger<QueueDepths> log)
{
    public const string HttpClientName = "rabbitmq-management";

    public async Task<QueueDepthsView> ReadAsync(CancellationToken cancellationToken)
    {
        var rabbit = pipeline.Value.RabbitMq.Resolve();
        if (string.IsNullOrWhiteSpace(rabbit.ManagementUrl) || !Uri.TryCreate(rabbit.ManagementUrl, UriKind.Absolute, out var baseUri))
        {
            return new QueueDepthsView([], "Set Pipeline:RabbitMq:ManagementUrl to see queue depths.");
        }

        try
        {
            var client = clients.CreateClient(HttpClientName);
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseUri, "api/queues/" + Uri.EscapeDataString(rabbit.VirtualHost) + "?columns=name,messages,messages_ready,consumers"));
            request.Headers.Authorization = new AuthenticationHeaderValue(
                "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(rabbit.Username + ":" + rabbit.Password)));
            using var response = await client.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return new QueueDepthsView([], $"The management API answered {(int)response.StatusCode}.");
            }

            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var json = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
            var queues = new List<QueueDepth>();
            foreach (var queue in json.RootElement.EnumerateArray())
            {
                queues.Add(new QueueDepth(
                    queue.GetProperty("name").GetString() ?? string.Empty,
                    Number(queue, "messages"),
                    Number(queue, "messages_ready"),
                    Number(queue, "consumers")));
            }

            return new QueueDepthsView(queues.OrderBy(q => q.Name, StringComparer.Ordinal).ToList(), null);
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or InvalidOperationException or KeyNotFoundException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            log.LogWarning(ex, "Could not read queue depths from {ManagementUrl}", baseUri);
            return new QueueDepthsView([], "The RabbitMQ management API did not answer.");
        }
    }

    private static long Number(JsonElement queue, string name) =>
        queue.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : 0;
}
