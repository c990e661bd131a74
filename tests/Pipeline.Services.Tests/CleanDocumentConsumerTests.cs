using MassTransit;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Cleaner;
using Pipeline.Cleaning;
using Pipeline.Contracts;

namespace Pipeline.Services.Tests;

public sealed class CleanDocumentConsumerTests
{
    private static readonly DocumentSource Source = new("inbox", "inbox:///note.txt", "note.txt");

    [Fact]
    public async Task Publishes_the_cleaned_text_without_share_buttons()
    {
        var (provider, harness) = await Harness.StartAsync(
            s => s.AddSingleton(new DocumentCleaner()),
            b => b.AddConsumer<CleanDocumentConsumer, CleanDocumentConsumerDefinition>());
        await using var _ = provider;
        var text = "How to Water Tomatoes\n\nShare on Facebook\n\nTomatoes need deep watering twice a week during dry spells, "
            + "more often in sandy soil. Water at the base of the plant in the morning so the leaves dry before evening.\n\n"
            + "Mulch keeps the soil moist and cool, and it stops soil splashing onto the lower leaves when it rains.\n";

        await harness.Bus.Publish(new DocumentFetched(Guid.NewGuid(), Source, 1, DateTimeOffset.UtcNow, null, Encoding.UTF8.GetBytes(text)));

        var cleaned = await harness.PublishedAsync<DocumentCleaned>();
        Assert.Contains("deep watering", cleaned.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Share on Facebook", cleaned.Text, StringComparison.Ordinal);
        Assert.Equal(Source, cleaned.Source);
    }

    [Fact]
    public async Task Rejects_binary_content_with_a_reason_instead_of_faulting()
    {
        var (provider, harness) = await Harness.StartAsync(
            s => s.AddSingleton(new DocumentCleaner()),
            b => b.AddConsumer<CleanDocumentConsumer, CleanDocumentConsumerDefinition>());
        await using var _ = provider;
        var binary = new byte[4096];
        new Random(7).NextBytes(binary);
        binary[10] = 0;

        await harness.Bus.Publish(new DocumentFetched(Guid.NewGuid(), Source, 1, DateTimeOffset.UtcNow, null, binary));

        var rejected = await harness.PublishedAsync<DocumentRejected>();
        Assert.Equal("cleaner", rejected.Stage);
        Assert.Equal("binary", rejected.Reason);
        Assert.False(await harness.Published.Any<DocumentCleaned>());
    }
}
