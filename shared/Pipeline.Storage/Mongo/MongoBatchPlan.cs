using MongoDB.Driver;
using Pipeline.Contracts;
using Pipeline.Storage.Mongo.Records;

namespace Pipeline.Storage.Mongo;

/// <summary>
/// One batch of upserts as two bulk writes (documents, then duplicates), decided in arrival order against what the
/// store held before the batch plus what the batch's earlier documents did: the version guard and the duplicate rule
/// see earlier documents of the same batch, as one-at-a-time upserts would. A batch in which a stored document's text
/// changes while duplicates point at it, or a stored document becomes a duplicate, needs a promotion and is not
/// planned (<see cref="OneByOne"/>): the store writes such a batch one document at a time.
/// </summary>
internal sealed class MongoBatchPlan
{
    private MongoBatchPlan(bool oneByOne) => OneByOne = oneByOne;

    /// <summary>Some document needs a promotion: write the batch one document at a time instead.</summary>
    public bool OneByOne { get; }

    /// <summary>One result per document, in the batch's order.</summary>
    public List<UpsertResult> Results { get; } = [];

    /// <summary>Guarded replacements (with upsert), in the batch's order.</summary>
    public List<WriteModel<MongoDocumentRecord>> DocumentWrites { get; } = [];

    /// <summary>For each entry of <see cref="DocumentWrites"/>, the index of its document in the batch.</summary>
    public List<int> DocumentWriteSources { get; } = [];

    /// <summary>Duplicates recorded (guarded by version, with upsert) and duplicate records of stored documents removed.</summary>
    public List<WriteModel<MongoDuplicateRecord>> DuplicateWrites { get; } = [];

    /// <summary>What a batch sees of the store before it: its documents' stored versions, who holds its texts, and which of its documents have duplicates.</summary>
    public sealed record Before(
        IReadOnlyDictionary<Guid, (long Version, string ContentHash, DateTimeOffset StoredAt)> Stored,
        IReadOnlyDictionary<string, List<Guid>> Holders,
        IReadOnlySet<Guid> HaveDuplicates);

    public static MongoBatchPlan Make(IReadOnlyList<StoredDocument> documents, Before before, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(before);
        var stored = new Dictionary<Guid, (long Version, string ContentHash, DateTimeOffset StoredAt)>(before.Stored);
        var holders = before.Holders.ToDictionary(h => h.Key, h => new List<Guid>(h.Value), StringComparer.Ordinal);
        var haveDuplicates = new HashSet<Guid>(before.HaveDuplicates);
        var plan = new MongoBatchPlan(oneByOne: false);
        for (var i = 0; i < documents.Count; i++)
        {
            var document = documents[i];
            var found = stored.TryGetValue(document.Id, out var existing);
            if (found && existing.Version >= document.Version)
            {
                plan.Results.Add(new UpsertResult(StoreOutcome.Unchanged, null, existing.StoredAt));
                continue;
            }

            var original = holders.TryGetValue(document.ContentHash, out var ids) ? ids.FirstOrDefault(id => id != document.Id) : Guid.Empty;
            if (original != Guid.Empty)
            {
                if (found)
                {
                    // A stored document whose new text another holds: its own duplicates are promoted first.
                    return new MongoBatchPlan(oneByOne: true);
                }

                plan.DuplicateWrites.Add(new ReplaceOneModel<MongoDuplicateRecord>(
                    MongoDocumentStore.DuplicateFilter(document), MongoDocumentStore.Duplicate(document, original, now)) { IsUpsert = true });
                haveDuplicates.Add(original);
                plan.Results.Add(new UpsertResult(StoreOutcome.Duplicate, original, now));
                continue;
            }

            if (found && existing.ContentHash != document.ContentHash)
            {
                if (haveDuplicates.Contains(document.Id))
                {
                    return new MongoBatchPlan(oneByOne: true);
                }

                if (holders.TryGetValue(existing.ContentHash, out var previous))
                {
                    previous.Remove(document.Id);
                }
            }

            plan.DocumentWrites.Add(new ReplaceOneModel<MongoDocumentRecord>(
                MongoDocumentStore.VersionGuard(document), MongoDocumentMapper.ToRecord(document, now)) { IsUpsert = true });
            plan.DocumentWriteSources.Add(i);
            plan.DuplicateWrites.Add(new DeleteOneModel<MongoDuplicateRecord>(Builders<MongoDuplicateRecord>.Filter.Eq(d => d.Id, document.Id)));
            stored[document.Id] = (document.Version, document.ContentHash, now);
            if (!holders.TryGetValue(document.ContentHash, out var holding))
            {
                holders[document.ContentHash] = holding = [];
            }

            if (!holding.Contains(document.Id))
            {
                holding.Add(document.Id);
            }

            plan.Results.Add(new UpsertResult(StoreOutcome.Stored, null, now));
        }

        return plan;
    }
}
