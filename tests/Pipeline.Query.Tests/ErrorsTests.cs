using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Pipeline.Tests.Shared;
using RabbitMQ.Client;

namespace Pipeline.Query.Tests;

/// <summary><c>GET /api/errors</c> on a real broker: the listing leaves the messages in their queue.</summary>
[Collection(RabbitMqCollection.Name)]
public sealed class ErrorsTests(RabbitMqFixture broker)
{
    [Fact]
    public async Task The_faulted_messages_of_a_stage_are_listed_and_stay_in_their_queue()
    {
        var documentId = Guid.NewGuid();
        await using var connection = await new ConnectionFactory { Uri = broker.Url }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeclareAsync("tag-document_error", durable: true, exclusive: false, autoDelete: false);
        await channel.QueuePurgeAsync("tag-document_error");
        var properties = new BasicProperties
        {
            Headers = new Dictionary<string, object?>
            {
                ["MT-Fault-ExceptionType"] = "System.TimeoutException"u8.ToArray(),
                ["MT-Fault-Message"] = "The tagger timed out."u8.ToArray(),
                ["MT-Fault-Timestamp"] = "2026-11-30T09:08:07Z"u8.ToArray(),
            },
        };
        var envelope = JsonSerializer.SerializeToUtf8Bytes(new { messageId = "m-1", message = new { documentId } });
        await channel.BasicPublishAsync(string.Empty, "tag-document_error", mandatory: false, properties, envelope);
        await channel.BasicPublishAsync(string.Empty, "tag-document_error", mandatory: false, new BasicProperties(), Encoding.UTF8.GetBytes("not json"));

        using var factory = new QueryApiFactory();
        foreach (var (key, value) in broker.Settings())
        {
            factory.Settings[key] = value;
        }

        using var client = factory.CreateClient();
        var body = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/errors?stage=tag-document&limit=5", UriKind.Relative));
        Assert.Equal(JsonValueKind.Null, body.GetProperty("error").ValueKind);
        var queue = Assert.Single(body.GetProperty("items").EnumerateArray());
        Assert.Equal("tag-document_error", queue.GetProperty("queue").GetString());
        Assert.Equal(2, queue.GetProperty("count").GetInt64());
        var messages = queue.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(2, messages.Count);
        Assert.Equal(documentId, messages[0].GetProperty("documentId").GetGuid());
        Assert.Equal("The tagger timed out.", messages[0].GetProperty("message").GetString());
        Assert.Equal("System.TimeoutException", messages[0].GetProperty("exceptionType").GetString());
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 9, 8, 7, TimeSpan.Zero), messages[0].GetProperty("faultedAt").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, messages[1].GetProperty("documentId").ValueKind);
        Assert.Equal(2u, await channel.MessageCountAsync("tag-document_error"));
    }
}
