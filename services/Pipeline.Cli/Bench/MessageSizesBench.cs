using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MassTransit.Serialization;
using Pipeline.Cleaning;
using Pipeline.Contracts;
using Pipeline.Inbox;
using Pipeline.Storage;
using Pipeline.Tagging;

namespace Pipeline.Cli.Bench;

/// <summary>
/// <c>pipeline bench messages</c>: the size of each hop's message body for a corpus, as MassTransit's JSON serializer
/// writes it (the envelope adds well under a kilobyte of headers), and the CPU time (not wall time: the machine may be
/// busy) to serialize and deserialize it, with System.Text.Json's own defaults for comparison.
/// </summary>
internal static class MessageSizesBench
{
    private static readonly JsonSerializerOptions Plain = new(JsonSerializerDefaults.Web);

    public static Command Create()
    {
        var corpus = new Option<string>("--corpus") { Description = "The corpus folder (as built by bench pipeline).", Required = true };
        var documents = new Option<int>("--documents") { Description = "How many of its files to measure.", DefaultValueFactory = _ => 500 };
        var command = new Command("messages", "Measure each hop's message size and serialization cost on a corpus.") { corpus, documents };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var files = Directory.GetFiles(parse.GetValue(corpus)!).Order(StringComparer.Ordinal).Take(Math.Max(1, parse.GetValue(documents))).ToList();
            var intake = new FileIntake(8 * 1024 * 1024, new InboxOptions().Extensions, TimeProvider.System);
            var cleaner = new DocumentCleaner();
            var tagger = EntityTagger.LoadDefault();
            var fetchedMessages = new List<DocumentFetched>();
            var cleanedMessages = new List<DocumentCleaned>();
            var taggedMessages = new List<DocumentTagged>();
            var storedMessages = new List<DocumentStored>();
            foreach (var file in files)
            {
                var source = InboxSources.For(Path.GetFileName(file));
                var fetched = (await intake.ReadAsync(file, InboxSources.IdOf(Path.GetFileName(file)), source, stampVersion: false, cancellationToken)).Fetched;
                if (fetched is null)
                {
                    continue;
                }

                fetchedMessages.Add(fetched);
                CleaningResult cleaned;
                try
                {
                    cleaned = cleaner.Clean(new CleaningInput(fetched.Content, source.Name));
                }
                catch (CleaningRejectedException)
                {
                    continue;
                }

                var removed = cleaned.Removed.Select(r => new RemovedText(r.Kind, r.Text, r.Offset)).ToList();
                cleanedMessages.Add(new DocumentCleaned(fetched.DocumentId, source, fetched.Version, fetched.FetchedAt, cleaned.Title, cleaned.Text,
                    cleaned.Language, cleaned.Author, cleaned.Published, cleaned.SiteName, removed));
                var entities = tagger.Tag(cleaned.Text).Select(e => new EntityMention(e.Type, e.Text, e.Start, e.End, e.Canonical, e.Id)).ToList();
                taggedMessages.Add(new DocumentTagged(fetched.DocumentId, source, fetched.Version, fetched.FetchedAt, cleaned.Title, cleaned.Text,
                    cleaned.Language, cleaned.Author, cleaned.Published, cleaned.SiteName, removed, entities));
                storedMessages.Add(new DocumentStored(fetched.DocumentId, source, fetched.Version, ContentHashing.Hash(cleaned.Text), StoreOutcome.Stored, null, DateTimeOffset.UtcNow));
            }

            Console.WriteLine($"{files.Count:N0} files; message bodies as MassTransit's System.Text.Json serializer writes them; CPU µs per message");
            Console.WriteLine("hop                 messages   mean kB    p50 kB    p90 kB    max kB   MB/1,000   serialize   deserialize   deserialize (plain STJ)");
            Report(fetchedMessages);
            Report(cleanedMessages);
            Report(taggedMessages);
            Report(storedMessages);
            return 0;
        });
        return command;
    }

    private static void Report<T>(List<T> messages)
    {
        if (messages.Count == 0)
        {
            return;
        }

        // One untimed round first: building the serializer's metadata and the JIT are not the per-message cost.
        _ = JsonSerializer.Deserialize<T>(JsonSerializer.SerializeToUtf8Bytes(messages[0], SystemTextJsonMessageSerializer.Options), SystemTextJsonMessageSerializer.Options);
        _ = JsonSerializer.Deserialize<T>(JsonSerializer.SerializeToUtf8Bytes(messages[0], Plain), Plain);
        var bodies = new List<byte[]>(messages.Count);
        var serialize = CpuMicroseconds(() => messages.ForEach(m => bodies.Add(JsonSerializer.SerializeToUtf8Bytes(m, SystemTextJsonMessageSerializer.Options))));
        var deserialize = CpuMicroseconds(() => bodies.ForEach(b => JsonSerializer.Deserialize<T>(b, SystemTextJsonMessageSerializer.Options)));
        var plain = CpuMicroseconds(() => bodies.ForEach(b => JsonSerializer.Deserialize<T>(b, Plain)));
        var sizes = bodies.Select(b => (double)b.Length).Order().ToList();
        double At(double p) => sizes[Math.Min(sizes.Count - 1, (int)Math.Ceiling(p * sizes.Count) - 1)] / 1024;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{typeof(T).Name,-18} {sizes.Count,9:N0} {sizes.Average() / 1024,9:F1} {At(0.5),9:F1} {At(0.9),9:F1} {sizes[^1] / 1024,9:F1} {sizes.Average() / 1048.576,10:F1} {serialize / sizes.Count,11:F0} {deserialize / sizes.Count,13:F0} {plain / sizes.Count,25:F0}"));
    }

    private static double CpuMicroseconds(Action action)
    {
        using var process = Process.GetCurrentProcess();
        var before = process.TotalProcessorTime;
        action();
        process.Refresh();
        return (process.TotalProcessorTime - before).TotalMicroseconds;
    }
}
