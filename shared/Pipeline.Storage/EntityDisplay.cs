using Pipeline.Contracts;

namespace Pipeline.Storage;

/// <summary>How a mention names its entity for people: its own words when they spell the key, else the canonical name.</summary>
public static class EntityDisplay
{
    /// <summary>
    /// The mention's text, whitespace collapsed, when it is the key's value in some casing ("Ketamine" for
    /// <c>Chemical:ketamine</c>); otherwise the canonical name as the tagger wrote it, when it spells the key; otherwise the key's value.
    /// </summary>
    public static string Of(EntityKey key, EntityMention mention)
    {
        ArgumentNullException.ThrowIfNull(mention);
        foreach (var candidate in new[] { mention.Text, mention.Canonical })
        {
            if (!string.IsNullOrWhiteSpace(candidate))
            {
                var collapsed = string.Join(' ', candidate.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
                if (string.Equals(collapsed, key.Value, StringComparison.OrdinalIgnoreCase))
                {
                    return collapsed;
                }
            }
        }

        return key.Value;
    }

    /// <summary>Mentions per entity key, with the document's most frequent surface form of it as its display name.</summary>
    public static Dictionary<EntityKey, (int Mentions, string Display)> PerKey(StoredDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var forms = new Dictionary<EntityKey, Dictionary<string, int>>();
        var allowed = new HashSet<string>(document.EntityKeys, StringComparer.Ordinal);
        foreach (var entity in document.Entities)
        {
            var value = string.IsNullOrWhiteSpace(entity.Canonical) ? entity.Text : entity.Canonical;
            if (EntityKey.TryParse($"{entity.Type}:{value}", out var key) && allowed.Contains(key.Value.ToString()))
            {
                if (!forms.TryGetValue(key.Value, out var counts))
                {
                    counts = new Dictionary<string, int>(StringComparer.Ordinal);
                    forms[key.Value] = counts;
                }

                var display = EntityDisplay.Of(key.Value, entity);
                counts[display] = counts.GetValueOrDefault(display) + 1;
            }
        }

        // Ties go to the form met first (dictionaries keep insertion order until something is removed).
        return forms.ToDictionary(
            f => f.Key,
            f => (f.Value.Values.Sum(), f.Value.Aggregate((best, next) => next.Value > best.Value ? next : best).Key));
    }
}
