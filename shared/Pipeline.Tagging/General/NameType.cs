namespace Pipeline.Tagging.General;

/// <summary>The general-domain model's types, in label order (CoNLL's PER, ORG, LOC, MISC).</summary>
internal enum NameType : byte
{
    Person = 0,
    Organization = 1,
    Location = 2,
    Misc = 3,
}
