namespace Pipeline.Storage;

/// <summary>An entity and the number of matching documents that mention it.</summary>
public sealed record EntityFacet(string Type, string Value, long Count)
{
    /// <summary>The <c>Type:value</c> key for filtering.</summary>
    public string Key => $"{Type}:{Value}";
}
