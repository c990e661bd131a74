namespace Pipeline.Tagging;

/// <summary>Builds the stored document's <c>entityKeys</c> ("Chemical:ketamine") from tagged entities.</summary>
public static class EntityKeys
{
    /// <summary>The key of one entity: its type, a colon, and its canonical name.</summary>
    public static string Of(Entity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return entity.Type + ":" + entity.Canonical;
    }

    /// <summary>Distinct keys in order of first appearance.</summary>
    public static IReadOnlyList<string> For(IEnumerable<Entity> entities)
    {
        ArgumentNullException.ThrowIfNull(entities);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var keys = new List<string>();
        foreach (var e in entities)
        {
            var key = Of(e);
            if (seen.Add(key))
            {
                keys.Add(key);
            }
        }

        return keys;
    }
}
