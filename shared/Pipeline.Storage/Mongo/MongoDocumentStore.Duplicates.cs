using MongoDB.Driver;
using Pipeline.Storage.Mongo.Records;

namespace Pipeline.Storage.Mongo;

public sealed partial class MongoDocumentStore
{
    /// <summary>
    /// Before a stored document's text goes (a new version or a delete), the oldest duplicate of it becomes a stored
    /// document with that text under its own source and version, and the other duplicates point at it: identical text
    /// stays findable. Its title, dates and entities are the original's, as its text is the same.
    /// </summary>
    private async Task PromoteDuplicateOfAsync(Guid originalId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var first = await _duplicates.Find(d => d.DuplicateOf == originalId).Sort(OldestDuplicateFirst).FirstOrDefaultAsync(cancellationToken);
        if (first is null)
        {
            return;
        }

        var original = await _documents.Find(d => d.Id == originalId).FirstOrDefaultAsync(cancellationToken);
        if (original is null)
        {
            return;
        }

        var promoted = Promoted(original, first, now);
        await _documents.ReplaceOneAsync(d => d.Id == first.Id, promoted, Upsert, cancellationToken);
        await _duplicates.DeleteOneAsync(d => d.Id == first.Id, cancellationToken);
        await _duplicates.UpdateManyAsync(d => d.DuplicateOf == originalId, RepointTo(first.Id), cancellationToken: cancellationToken);
    }

    internal static SortDefinition<MongoDuplicateRecord> OldestDuplicateFirst { get; } =
        Builders<MongoDuplicateRecord>.Sort.Ascending(d => d.RecordedAt).Ascending(d => d.Id);

    internal static UpdateDefinition<MongoDuplicateRecord> RepointTo(Guid promotedId) =>
        Builders<MongoDuplicateRecord>.Update.Set(d => d.DuplicateOf, promotedId);

    /// <summary>The original's content under the duplicate's identity, source and version.</summary>
    internal static MongoDocumentRecord Promoted(MongoDocumentRecord original, MongoDuplicateRecord duplicate, DateTimeOffset now)
    {
        var promoted = MongoDocumentMapper.ToRecord(MongoDocumentMapper.FromRecord(original), now);
        promoted.Id = duplicate.Id;
        promoted.Source = duplicate.Source;
        promoted.Version = duplicate.Version;
        return promoted;
    }
}
