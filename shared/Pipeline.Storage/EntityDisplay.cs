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
}
