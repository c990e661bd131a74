using Pipeline.Contracts;

namespace Pipeline.Storage;

/// <summary>Builds the stored shape from a tagged document, the one way both stores derive entity keys.</summary>
public static class StoredDocuments
{
    /// <summary>The document to store for a tagged message (the store sets <see cref="StoredDocument.StoredAt"/>).</summary>
    public static StoredDocument FromTagged(DocumentTagged message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new StoredDocument
        {
            Id = message.DocumentId,
            Source = message.Source,
            Title = message.Title,
            Text = message.Text,
            Language = message.Language,
            Author = message.Author,
            SiteName = message.SiteName,
            Published = message.Published,
            FetchedAt = message.FetchedAt,
            Version = message.Version,
            ContentHash = ContentHashing.Hash(message.Text),
            Entities = message.Entities,
            EntityKeys = EntityKeysOf(message.Entities),
            Removed = message.Removed,
            Format = message.Format,
            Pages = message.Pages ?? [],
        };
    }

    /// <summary>Distinct <c>Type:canonical</c> keys, in first-mention order; mentions with unusable values are skipped.</summary>
    public static IReadOnlyList<string> EntityKeysOf(IReadOnlyList<EntityMention> entities)
    {
        ArgumentNullException.ThrowIfNull(entities);
        var keys = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entity in entities)
        {
            var value = string.IsNullOrWhiteSpace(entity.Canonical) ? entity.Text : entity.Canonical;
            if (string.IsNullOrWhiteSpace(value) || value.Length > EntityKey.MaxValueLength || !EntityKey.Types.Contains(entity.Type))
            {
                continue;
            }

            var key = EntityKey.Create(entity.Type, value).ToString();
            if (seen.Add(key))
            {
                keys.Add(key);
            }
        }

        return keys;
    }
}
