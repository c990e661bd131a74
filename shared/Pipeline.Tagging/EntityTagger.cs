namespace Pipeline.Tagging;

/// <summary>Finds entities in plain text. Load once with <see cref="LoadDefault"/>; thread-safe and deterministic.</summary>
public sealed class EntityTagger
{
    private static readonly Lazy<EntityTagger> Default = new(() => new EntityTagger());

    /// <summary>The tagger with the model shipped in this assembly, loaded once per process.</summary>
    public static EntityTagger LoadDefault() => Default.Value;

    /// <summary>Tags <paramref name="text"/>; spans are UTF-16 indexes into it, sorted by start.</summary>
    public IReadOnlyList<Entity> Tag(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        // Placeholder until the tagging library lands.
        return [];
    }
}
