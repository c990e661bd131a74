using MassTransit;
using Microsoft.Extensions.Logging;
using Pipeline.Contracts;
using Pipeline.Tagging;

namespace Pipeline.Tagger;

/// <summary>Tags the entities of a cleaned document.</summary>
public sealed class TagDocumentConsumer(EntityTagger tagger, ILogger<TagDocumentConsumer> log) : IConsumer<DocumentCleaned>
{
    public async Task Consume(ConsumeContext<DocumentCleaned> context)
    {
        var message = context.Message;
        var entities = tagger.Tag(message.Text);
        log.LogInformation("Tagged {DocumentId}: {Entities} entities", message.DocumentId, entities.Count);
        await context.Publish(new DocumentTagged(
            message.DocumentId,
            message.Source,
            message.Version,
            message.FetchedAt,
            message.Title,
            message.Text,
            message.Language,
            message.Author,
            message.Published,
            message.SiteName,
            message.Removed,
            entities.Select(e => new EntityMention(e.Type, e.Text, e.Start, e.End, e.Canonical, e.Id)).ToList(),
            message.Format,
            message.Pages));
    }
}
