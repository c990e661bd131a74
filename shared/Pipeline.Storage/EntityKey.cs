using System.Diagnostics.CodeAnalysis;

namespace Pipeline.Storage;

/// <summary>An entity filter or facet key, <c>Type:value</c>: the type in its canonical spelling, the value trimmed and lower-cased.</summary>
public readonly record struct EntityKey
{
    private static readonly string[] KnownTypes =
        ["Chemical", "Disease", "Person", "Organization", "Location", "Publication", "Date", "Quantity", "Url", "Email", "Phone"];

    private EntityKey(string type, string value)
    {
        Type = type;
        Value = value;
    }

    /// <summary>The largest value accepted, in characters.</summary>
    public const int MaxValueLength = 200;

    public string Type { get; }

    public string Value { get; }

    /// <summary>Creates a key; the type must be one of the known entity types (any case).</summary>
    public static EntityKey Create(string type, string value)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(value);
        var canonicalType = Array.Find(KnownTypes, t => string.Equals(t, type.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new FormatException($"Unknown entity type '{type}'. Known types: {string.Join(", ", KnownTypes)}.");
        var normalized = string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
        if (normalized.Length == 0)
        {
            throw new FormatException("An entity value must not be empty.");
        }

        if (normalized.Length > MaxValueLength)
        {
            throw new FormatException($"An entity value is limited to {MaxValueLength} characters.");
        }

        return new EntityKey(canonicalType, normalized);
    }

    /// <summary>Parses <c>Type:value</c>.</summary>
    /// <exception cref="FormatException">The text is not <c>Type:value</c> with a known type.</exception>
    public static EntityKey Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            throw new FormatException($"'{text}' is not an entity key: expected Type:value, such as Chemical:ketamine.");
        }

        return Create(text[..colon], text[(colon + 1)..]);
    }

    /// <summary>Parses <c>Type:value</c>, returning false on bad input.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out EntityKey? key)
    {
        key = null;
        if (text is null)
        {
            return false;
        }

        try
        {
            key = Parse(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>The types an entity key may have.</summary>
    public static IReadOnlyList<string> Types => KnownTypes;

    public override string ToString() => $"{Type}:{Value}";
}
