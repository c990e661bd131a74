using System.Globalization;
using System.Text;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Pipeline.Hosting;

/// <summary>
/// Lists, re-drives and purges the messages MassTransit moved to the stages' <c>&lt;stage&gt;_error</c> queues, over
/// AMQP. Listing takes at most <c>limit</c> messages per queue without acknowledging them and gives them all back, in
/// their order; a retry republishes a message to its stage's queue (confirmed by the broker) before acknowledging it.
/// </summary>
public sealed class ErrorQueues(RabbitMqSettings settings)
{
    /// <summary>The stages' receive endpoints (the kebab-case names of their consumers).</summary>
    public static readonly IReadOnlyList<string> Stages =
        ["fetch-page", "fetch-completed", "clean-document", "tag-document", "store-document", "inbox-completion", "outcome", "crawl-rejection"];

    public const string ErrorSuffix = "_error";
    public const int MaxLimit = 1000;
    private const int MaxMessageChars = 2000;
    private static readonly string[] FaultHeaders = ["MT-Reason", "MT-Fault-ExceptionType", "MT-Fault-Message", "MT-Fault-Timestamp", "MT-Fault-StackTrace", "MT-Fault-ConsumerType", "MT-Fault-MessageType", "MT-Fault-InputAddress", "MT-Fault-RetryCount"];

    /// <summary>The stages to look at: <paramref name="stage"/>, or all; null when it names no stage.</summary>
    public static IReadOnlyList<string>? Select(string? stage)
    {
        if (string.IsNullOrWhiteSpace(stage))
        {
            return Stages;
        }

        var name = stage.Trim();
        name = name.EndsWith(ErrorSuffix, StringComparison.Ordinal) ? name[..^ErrorSuffix.Length] : name;
        return Stages.Contains(name, StringComparer.Ordinal) ? [name] : null;
    }

    /// <summary>Each stage's error queue with its first <paramref name="limit"/> messages, all left where they were.</summary>
    public async Task<IReadOnlyList<ErrorQueueView>> ListAsync(IReadOnlyList<string> stages, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stages);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxLimit);
        await using var connection = await ConnectAsync(cancellationToken);
        var views = new List<ErrorQueueView>();
        foreach (var stage in stages)
        {
            var queue = stage + ErrorSuffix;
            await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
            if (await CountAsync(channel, queue, cancellationToken) is not { } count)
            {
                views.Add(new ErrorQueueView(stage, queue, false, 0, []));
                continue;
            }

            var messages = new List<FaultedMessage>();
            ulong last = 0;
            while (messages.Count < limit && await channel.BasicGetAsync(queue, autoAck: false, cancellationToken) is { } got)
            {
                last = got.DeliveryTag;
                messages.Add(Describe(stage, got.BasicProperties, got.Body.Span));
            }

            if (last > 0)
            {
                await channel.BasicNackAsync(last, multiple: true, requeue: true, cancellationToken);
            }

            views.Add(new ErrorQueueView(stage, queue, true, count, messages));
        }

        return views;
    }

    /// <summary>
    /// Moves the messages of the stages' error queues (those of document or message <paramref name="id"/> when
    /// given; at most <paramref name="limit"/> looked at per queue) back to their stages' queues; returns how many moved.
    /// </summary>
    public async Task<int> RetryAsync(IReadOnlyList<string> stages, string? id, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stages);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await ConnectAsync(cancellationToken);
        var moved = 0;
        foreach (var stage in stages)
        {
            var queue = stage + ErrorSuffix;
            await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(true, true), cancellationToken);
            if (await CountAsync(channel, queue, cancellationToken) is null)
            {
                continue;
            }

            if (await CountAsync(channel, stage, cancellationToken) is null)
            {
                throw new InvalidOperationException($"The queue '{stage}' does not exist: start its service once before retrying '{queue}'.");
            }

            ulong kept = 0;
            for (var seen = 0; seen < limit && await channel.BasicGetAsync(queue, autoAck: false, cancellationToken) is { } got; seen++)
            {
                var body = got.Body.ToArray();
                var message = Describe(stage, got.BasicProperties, body);
                if (id is not null && !Matches(message, id))
                {
                    kept = got.DeliveryTag;
                    continue;
                }

                var properties = new BasicProperties(got.BasicProperties);
                foreach (var header in FaultHeaders)
                {
                    properties.Headers?.Remove(header);
                }

                await channel.BasicPublishAsync(string.Empty, stage, mandatory: true, properties, body, cancellationToken);
                await channel.BasicAckAsync(got.DeliveryTag, multiple: false, cancellationToken);
                moved++;
            }

            if (kept > 0)
            {
                await channel.BasicNackAsync(kept, multiple: true, requeue: true, cancellationToken);
            }
        }

        return moved;
    }

    /// <summary>Empties the stages' error queues; returns how many messages were removed.</summary>
    public async Task<long> PurgeAsync(IReadOnlyList<string> stages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stages);
        await using var connection = await ConnectAsync(cancellationToken);
        long removed = 0;
        foreach (var stage in stages)
        {
            await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
            if (await CountAsync(channel, stage + ErrorSuffix, cancellationToken) is not null)
            {
                removed += await channel.QueuePurgeAsync(stage + ErrorSuffix, cancellationToken);
            }
        }

        return removed;
    }

    private async Task<IConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var rabbit = settings.Resolve();
        var factory = new ConnectionFactory
        {
            HostName = rabbit.Host,
            Port = rabbit.Port,
            VirtualHost = rabbit.VirtualHost,
            UserName = rabbit.Username,
            Password = rabbit.Password,
            ClientProvidedName = "pipeline errors",
            RequestedConnectionTimeout = TimeSpan.FromSeconds(5),
            AutomaticRecoveryEnabled = false,
        };
        return await factory.CreateConnectionAsync(cancellationToken);
    }

    /// <summary>The queue's message count, or null when it does not exist (which closes the channel, so each check that may fail has its own).</summary>
    private static async Task<long?> CountAsync(IChannel channel, string queue, CancellationToken cancellationToken)
    {
        if (channel.IsClosed)
        {
            return null;
        }

        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue, cancellationToken)).MessageCount;
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 404)
        {
            return null;
        }
    }

    private static bool Matches(FaultedMessage message, string id) =>
        (message.DocumentId is { } document && Guid.TryParse(id, out var wanted) && document == wanted)
        || string.Equals(message.MessageId, id.Trim(), StringComparison.OrdinalIgnoreCase);

    internal static FaultedMessage Describe(string stage, IReadOnlyBasicProperties properties, ReadOnlySpan<byte> body)
    {
        var headers = properties.Headers;
        var text = Header(headers, "MT-Fault-Message");
        var at = Header(headers, "MT-Fault-Timestamp") is { } stamp
            && DateTimeOffset.TryParse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : (DateTimeOffset?)null;
        var (documentId, messageId) = ReadEnvelope(body);
        return new FaultedMessage(
            stage,
            documentId,
            messageId ?? properties.MessageId,
            Header(headers, "MT-Fault-ExceptionType"),
            text is { Length: > MaxMessageChars } ? text[..MaxMessageChars] + "…" : text,
            at);
    }

    private static string? Header(IDictionary<string, object?>? headers, string name) =>
        headers is null || !headers.TryGetValue(name, out var value) ? null : value switch
        {
            byte[] bytes => Encoding.UTF8.GetString(bytes),
            string s => s,
            null => null,
            _ => Convert.ToString(value, CultureInfo.InvariantCulture),
        };

    /// <summary>The document id and message id of a MassTransit JSON envelope (or a raw JSON message); nulls for anything else.</summary>
    private static (Guid? DocumentId, string? MessageId) ReadEnvelope(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 64 });
        try
        {
            using var json = JsonDocument.ParseValue(ref reader);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            var messageId = root.TryGetProperty("messageId", out var mid) && mid.ValueKind == JsonValueKind.String ? mid.GetString() : null;
            var message = root.TryGetProperty("message", out var inner) && inner.ValueKind == JsonValueKind.Object ? inner : root;
            var documentId = message.TryGetProperty("documentId", out var doc) && doc.ValueKind == JsonValueKind.String && doc.TryGetGuid(out var guid) ? guid : (Guid?)null;
            return (documentId, messageId);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }
}
