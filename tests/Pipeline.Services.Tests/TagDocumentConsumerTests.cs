using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Contracts;
using Pipeline.Tagger;
using Pipeline.Tagging;

namespace Pipeline.Services.Tests;

public sealed class TagDocumentConsumerTests
{
    [Fact]
    public async Task Publishes_entities_with_exact_spans()
    {
        var (provider, harness) = await Harness.StartAsync(
            s => s.AddSingleton(EntityTagger.LoadDefault()),
            b => b.AddConsumer<TagDocumentConsumer, TagDocumentConsumerDefinition>());
        await using var _ = provider;
        const string text = "Low-dose ketamine eased the nausea of patients with fibromyalgia in a small trial.";

        await harness.Bus.Publish(new DocumentCleaned(
            Guid.NewGuid(), new DocumentSource("file", "file:///t.txt", "t.txt"), 1, DateTimeOffset.UtcNow,
            "Trial", text, "en", null, null, null, []));

        var tagged = await harness.PublishedAsync<DocumentTagged>();
        Assert.Contains(tagged.Entities, e => e.Type == "Chemical" && e.Canonical == "ketamine");
        Assert.Contains(tagged.Entities, e => e.Type == "Disease" && e.Text.Contains("fibromyalgia", StringComparison.Ordinal));
        Assert.All(tagged.Entities, e => Assert.Equal(e.Text, text[e.Start..e.End]));
        Assert.Equal(text, tagged.Text);
    }
}
