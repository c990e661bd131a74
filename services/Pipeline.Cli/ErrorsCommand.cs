using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Pipeline.Hosting;
using RabbitMQ.Client.Exceptions;

namespace Pipeline.Cli;

/// <summary><c>pipeline errors [retry|purge]</c>: what sits in the stages' <c>_error</c> queues, re-driven or removed.</summary>
internal static class ErrorsCommand
{
    public static Command Create()
    {
        var stage = new Option<string?>("--stage") { Description = $"One stage: {string.Join(", ", ErrorQueues.Stages)} (default: all)." };
        var rabbit = new Option<string?>("--rabbitmq") { Description = "The broker's amqp:// URL (default: the Pipeline__RabbitMq__* settings)." };
        var limit = new Option<int>("--limit") { Description = $"At most this many messages per queue, 1-{ErrorQueues.MaxLimit}.", DefaultValueFactory = _ => 100 };
        var json = new Option<bool>("--json") { Description = "Print the queues and their messages as JSON." };
        var id = new Option<string?>("--id") { Description = "Only the messages of this document id (or MassTransit message id)." };
        var yes = new Option<bool>("--yes") { Description = "Purge without asking (required when input is not a terminal)." };

        var retry = new Command("retry", "Move faulted messages back to their stages' queues.") { stage, id, limit, rabbit };
        retry.SetAction((parse, cancellationToken) => RunAsync(parse, stage, rabbit, limit, async (queues, stages) =>
        {
            var moved = await queues.RetryAsync(stages, parse.GetValue(id), parse.GetValue(limit), cancellationToken);
            Console.WriteLine($"{moved} message(s) moved back to their queues.");
            return 0;
        }));

        var purge = new Command("purge", "Remove the faulted messages, after a confirmation.") { stage, yes, rabbit };
        purge.SetAction((parse, cancellationToken) => RunAsync(parse, stage, rabbit, null, async (queues, stages) =>
        {
            if (!parse.GetValue(yes) && !await ConfirmAsync(stages))
            {
                return 1;
            }

            Console.WriteLine($"{await queues.PurgeAsync(stages, cancellationToken)} message(s) removed from {string.Join(", ", stages.Select(s => s + ErrorQueues.ErrorSuffix))}.");
            return 0;
        }));

        var command = new Command("errors", "List the messages in the stages' _error queues: stage, document, the exception's message and when.")
        {
            stage, limit, json, rabbit, retry, purge,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(parse, stage, rabbit, limit, async (queues, stages) =>
        {
            var views = await queues.ListAsync(stages, parse.GetValue(limit), cancellationToken);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(views, CliJson.Options));
            }
            else
            {
                Print(views);
            }

            return 0;
        }));
        return command;
    }

    private static async Task<int> RunAsync(
        ParseResult parse, Option<string?> stage, Option<string?> rabbit, Option<int>? limit, Func<ErrorQueues, IReadOnlyList<string>, Task<int>> action)
    {
        if (ErrorQueues.Select(parse.GetValue(stage)) is not { } stages)
        {
            await Console.Error.WriteLineAsync($"Unknown stage '{parse.GetValue(stage)}': use one of {string.Join(", ", ErrorQueues.Stages)}.");
            return 2;
        }

        if (limit is not null && parse.GetValue(limit) is < 1 or > ErrorQueues.MaxLimit)
        {
            await Console.Error.WriteLineAsync($"--limit must be 1-{ErrorQueues.MaxLimit}.");
            return 2;
        }

        var settings = new ConfigurationBuilder().AddEnvironmentVariables().Build()
            .GetSection($"{PipelineOptions.SectionName}:RabbitMq").Get<RabbitMqSettings>() ?? new RabbitMqSettings();
        if (parse.GetValue(rabbit) is { Length: > 0 } url)
        {
            settings.Url = url;
        }

        RabbitMqSettings resolved;
        try
        {
            resolved = settings.Resolve();
        }
        catch (InvalidOperationException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }

        try
        {
            return await action(new ErrorQueues(resolved), stages);
        }
        catch (Exception ex) when (ex is BrokerUnreachableException or OperationInterruptedException or PublishException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync($"Could not use the broker at {resolved.Host}:{resolved.Port}: {ErrorText.Of(ex)}");
            return 1;
        }
    }

    private static async Task<bool> ConfirmAsync(IReadOnlyList<string> stages)
    {
        if (Console.IsInputRedirected)
        {
            await Console.Error.WriteLineAsync("Input is not a terminal: add --yes to purge.");
            return false;
        }

        Console.Write($"Remove every message from {string.Join(", ", stages.Select(s => s + ErrorQueues.ErrorSuffix))}? [y/N] ");
        return Console.ReadLine()?.Trim().ToLowerInvariant() is "y" or "yes";
    }

    private static void Print(IReadOnlyList<ErrorQueueView> views)
    {
        foreach (var view in views.Where(v => v.Exists))
        {
            Console.WriteLine($"{view.Queue}: {view.Count} message(s){(view.Count > view.Messages.Count ? $", first {view.Messages.Count} shown" : string.Empty)}");
            foreach (var message in view.Messages)
            {
                var at = message.FaultedAt?.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "(no time)";
                var text = (message.Message ?? "(no message)").ReplaceLineEndings(" ");
                Console.WriteLine($"  {at}  {message.Stage}  {message.DocumentId?.ToString() ?? "(no document)"}  {message.ExceptionType}: {text}");
            }
        }

        var missing = views.Count(v => !v.Exists);
        var total = views.Sum(v => v.Count);
        Console.WriteLine($"{total} faulted message(s) in {views.Count - missing} error queue(s)" + (missing > 0 ? $"; {missing} stage(s) never faulted here." : "."));
    }
}
