using System.Text;
using System.Text.Json;
using Pipeline.Tests.Shared;
using RabbitMQ.Client;

namespace Pipeline.Cli.Tests;

[Collection(RabbitMqCollection.Name)]
public sealed class ErrorsCommandTests(RabbitMqFixture broker)
{
    private const string Stage = "store-document";
    private const string ErrorQueue = Stage + "_error";

    [Fact]
    public async Task Faulted_messages_are_listed_without_being_taken_then_one_is_retried_by_id_and_the_rest_purged()
    {
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        await using var connection = await new ConnectionFactory { Uri = broker.Url }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeclareAsync(Stage, durable: true, exclusive: false, autoDelete: false);
        await channel.QueueDeclareAsync(ErrorQueue, durable: true, exclusive: false, autoDelete: false);
        await channel.QueuePurgeAsync(Stage);
        await channel.QueuePurgeAsync(ErrorQueue);
        await PublishFaultedAsync(channel, first, "SQLite Error 5: 'database is locked'.", "2026-11-30T10:01:02.0000000Z");
        await PublishFaultedAsync(channel, second, "The store refused the document:\nit is too large.", "2026-11-30T10:03:04.0000000Z");

        var listed = await RunAsync("--stage", Stage);
        Assert.Equal(0, listed.Exit);
        Assert.Contains($"{ErrorQueue}: 2 message(s)", listed.Out, StringComparison.Ordinal);
        Assert.Contains($"2026-11-30 10:01:02Z  {Stage}  {first}  System.InvalidOperationException: SQLite Error 5: 'database is locked'.", listed.Out, StringComparison.Ordinal);
        Assert.Contains($"{second}  System.InvalidOperationException: The store refused the document: it is too large.", listed.Out, StringComparison.Ordinal);

        // Listing gave every message back, in its order.
        var json = await RunAsync("--stage", Stage, "--json");
        using (var views = JsonDocument.Parse(json.Out))
        {
            var messages = views.RootElement[0].GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("documentId").GetGuid()).ToList();
            Assert.Equal([first, second], messages);
        }

        var limited = await RunAsync("--stage", Stage, "--limit", "1");
        Assert.Contains("2 message(s), first 1 shown", limited.Out, StringComparison.Ordinal);
        Assert.Equal(2u, await channel.MessageCountAsync(ErrorQueue));

        var retried = await RunAsync("retry", "--stage", Stage, "--id", second.ToString());
        Assert.Equal(0, retried.Exit);
        Assert.Contains("1 message(s) moved", retried.Out, StringComparison.Ordinal);
        Assert.Equal(1u, await channel.MessageCountAsync(ErrorQueue));
        var moved = await channel.BasicGetAsync(Stage, autoAck: true);
        Assert.NotNull(moved);
        Assert.Contains(second.ToString(), Encoding.UTF8.GetString(moved.Body.Span), StringComparison.Ordinal);
        Assert.False(moved.BasicProperties.Headers?.ContainsKey("MT-Fault-Message") ?? false, "The fault headers go with the retry.");
        Assert.Equal("kept", Encoding.UTF8.GetString((byte[])moved.BasicProperties.Headers!["Other"]!));

        var refused = await RunAsync("purge", "--stage", Stage);
        Assert.Equal(1, refused.Exit);
        Assert.Contains("--yes", refused.Error, StringComparison.Ordinal);
        Assert.Equal(1u, await channel.MessageCountAsync(ErrorQueue));

        var purged = await RunAsync("purge", "--stage", Stage, "--yes");
        Assert.Equal(0, purged.Exit);
        Assert.Contains("1 message(s) removed", purged.Out, StringComparison.Ordinal);
        Assert.Equal(0u, await channel.MessageCountAsync(ErrorQueue));
    }

    [Fact]
    public async Task An_unknown_stage_is_refused_and_a_stage_that_never_faulted_is_said_so()
    {
        var unknown = await RunAsync("--stage", "nowhere");
        Assert.Equal(2, unknown.Exit);
        Assert.Contains("clean-document", unknown.Error, StringComparison.Ordinal);

        var none = await RunAsync("--stage", "outcome");
        Assert.Equal(0, none.Exit);
        Assert.Contains("0 faulted message(s) in 0 error queue(s); 1 stage(s) never faulted here.", none.Out, StringComparison.Ordinal);
    }

    private Task<(int Exit, string Out, string Error)> RunAsync(params string[] args) =>
        CliRun.RunAsync(ErrorsCommand.Create(), [.. args, "--rabbitmq", broker.Url.ToString()]);

    /// <summary>A message as MassTransit leaves it in an error queue: its JSON envelope, and the fault in headers.</summary>
    private static async Task PublishFaultedAsync(IChannel channel, Guid documentId, string error, string timestamp)
    {
        var envelope = new
        {
            messageId = Guid.NewGuid().ToString(),
            messageType = new[] { "urn:message:Pipeline.Contracts:DocumentTagged" },
            message = new { documentId, text = "body" },
            sentTime = timestamp,
        };
        var properties = new BasicProperties
        {
            ContentType = "application/vnd.masstransit+json",
            Persistent = true,
            Headers = new Dictionary<string, object?>
            {
                ["MT-Reason"] = "fault"u8.ToArray(),
                ["MT-Fault-ExceptionType"] = "System.InvalidOperationException"u8.ToArray(),
                ["MT-Fault-Message"] = Encoding.UTF8.GetBytes(error),
                ["MT-Fault-Timestamp"] = Encoding.UTF8.GetBytes(timestamp),
                ["Other"] = "kept"u8.ToArray(),
            },
        };
        await channel.BasicPublishAsync(string.Empty, ErrorQueue, mandatory: false, properties, JsonSerializer.SerializeToUtf8Bytes(envelope));
    }
}
