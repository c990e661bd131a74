namespace Pipeline.Storage;

/// <summary>The date a range filter applies to.</summary>
public enum DateField
{
    Published,
    Stored,
}
