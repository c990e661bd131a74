using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Pipeline.Integration.Tests;

/// <summary>The pipeline's queues on a real broker: depths and consumer counts, read passively.</summary>
internal static class BrokerQueues
{
    public static readonly string[] Names = ["clean-document", "tag-document", "store-document", "inbox-completion"];

    /// <summary>Messages and consumers of each pipeline queue ((0, 0) for one not declared yet).</summary>
    public static async Task<List<(uint Messages, uint Consumers)>> CountsAsync(IConnection connection)
    {
        var counts = new List<(uint, uint)>();
        foreach (var queue in Names)
        {
            await using var channel = await connection.CreateChannelAsync();
            try
            {
                var ok = await channel.QueueDeclarePassiveAsync(queue);
                counts.Add((ok.MessageCount, ok.ConsumerCount));
            }
            catch (OperationInterruptedException)
            {
                counts.Add((0, 0));
            }
        }

        return counts;
    }

    /// <summary>Messages in <paramref name="queue"/>; 0 when it does not exist (nothing was ever dead-lettered there).</summary>
    public static async Task<uint> MessagesInAsync(IConnection connection, string queue)
    {
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (OperationInterruptedException)
        {
            return 0;
        }
    }
}
