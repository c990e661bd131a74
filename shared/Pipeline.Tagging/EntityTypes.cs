namespace Pipeline.Tagging;

/// <summary>The entity types the tagger emits.</summary>
public static class EntityTypes
{
    public const string Chemical = "Chemical";
    public const string Disease = "Disease";
    public const string Person = "Person";
    public const string Organization = "Organization";
    public const string Location = "Location";
    public const string Publication = "Publication";
    public const string Date = "Date";
    public const string Quantity = "Quantity";
    public const string Url = "Url";
    public const string Email = "Email";
    public const string Phone = "Phone";
}
