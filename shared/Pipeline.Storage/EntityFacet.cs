namespace Pipeline.Storage;

/// <summary>An entity and the number of matching documents that mention it.</summary>
/// <param name="Type">The entity type.</param>
/// <param name="Value">The key's value (lower-cased).</param>
/// <param name="Count">Matching documents that mention it.</param>
/// <param name="Display">The surface form most documents use for it, or null when the store does not know one.</param>
public sealed record EntityFacet(string Type, string Value, long Count, string? Display = null)
{
    /// <summary>The <c>Type:value</c> key for filtering.</summary>
    public string Key => $"{Type}:{Value}";

    /// <summary>The name to show people: the display name, or the value.</summary>
    public string Name => Display ?? Value;
}
