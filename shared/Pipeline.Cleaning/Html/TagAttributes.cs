namespace Pipeline.Cleaning.Html;

/// <summary>The few attributes extraction reads; the parser ignores every other one without allocating.</summary>
internal struct TagAttributes
{
    public string? Id;
    public string? Class;
    public string? Role;
    public string? ItemProp;
    public string? ItemType;
    public string? Name;
    public string? Property;
    public string? Content;
    public string? Type;
    public string? Lang;
    public string? Rel;
    public string? Href;
    public string? DateTime;
    public bool Hidden;

    public void Set(ReadOnlySpan<char> name, ReadOnlySpan<char> value)
    {
        switch (name.Length)
        {
            case 2 when name.Equals("id", StringComparison.OrdinalIgnoreCase): Id = value.ToString(); break;
            case 5 when name.Equals("class", StringComparison.OrdinalIgnoreCase): Class = value.ToString(); break;
            case 4 when name.Equals("role", StringComparison.OrdinalIgnoreCase): Role = value.ToString(); break;
            case 8 when name.Equals("itemprop", StringComparison.OrdinalIgnoreCase): ItemProp = value.ToString(); break;
            case 8 when name.Equals("itemtype", StringComparison.OrdinalIgnoreCase): ItemType = value.ToString(); break;
            case 4 when name.Equals("name", StringComparison.OrdinalIgnoreCase): Name = value.ToString(); break;
            case 8 when name.Equals("property", StringComparison.OrdinalIgnoreCase): Property = value.ToString(); break;
            case 7 when name.Equals("content", StringComparison.OrdinalIgnoreCase): Content = HtmlParser.Decode(value); break;
            case 4 when name.Equals("type", StringComparison.OrdinalIgnoreCase): Type = value.ToString(); break;
            case 4 when name.Equals("lang", StringComparison.OrdinalIgnoreCase): Lang = value.ToString(); break;
            case 3 when name.Equals("rel", StringComparison.OrdinalIgnoreCase): Rel = value.ToString(); break;
            case 4 when name.Equals("href", StringComparison.OrdinalIgnoreCase): Href = value.ToString(); break;
            case 8 when name.Equals("datetime", StringComparison.OrdinalIgnoreCase): DateTime = value.ToString(); break;
            case 6 when name.Equals("hidden", StringComparison.OrdinalIgnoreCase): Hidden = true; break;
            case 11 when name.Equals("aria-hidden", StringComparison.OrdinalIgnoreCase): Hidden |= value.Equals("true", StringComparison.OrdinalIgnoreCase); break;
            case 5 when name.Equals("style", StringComparison.OrdinalIgnoreCase): Hidden |= IsHiddenStyle(value); break;
        }
    }

    /// <summary>
    /// A hidden segment of a page rendered by streaming (a <c>hidden</c> div whose id is "S:" and a short key): the
    /// page's script moves it into its placeholder, so it may hold the article itself.
    /// </summary>
    public readonly bool IsStreamedSegment(string tag) => Hidden && tag == "div" && IsStreamedSegmentId(Id);

    private static bool IsStreamedSegmentId(string? id)
    {
        if (id is not { Length: > 2 and <= 10 } || !id.StartsWith("S:", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in id.AsSpan(2))
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsHiddenStyle(ReadOnlySpan<char> style)
    {
        var at = style.IndexOf("display", StringComparison.OrdinalIgnoreCase);
        if (at >= 0)
        {
            var rest = style[(at + 7)..].TrimStart(" :");
            if (rest.StartsWith("none", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        at = style.IndexOf("visibility", StringComparison.OrdinalIgnoreCase);
        return at >= 0 && style[(at + 10)..].TrimStart(" :").StartsWith("hidden", StringComparison.OrdinalIgnoreCase);
    }
}
