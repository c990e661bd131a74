namespace Pipeline.Contracts;

/// <summary>What the store did with a tagged document.</summary>
public enum StoreOutcome
{
    /// <summary>A new document or a newer version was written.</summary>
    Stored,

    /// <summary>The same version, or an older one, was already stored: nothing changed.</summary>
    Unchanged,

    /// <summary>Another document already holds identical text: recorded as a duplicate, not stored twice.</summary>
    Duplicate,
}
