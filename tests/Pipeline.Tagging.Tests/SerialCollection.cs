namespace Pipeline.Tagging.Tests;

/// <summary>Tests that measure CPU time run alone, so other tests' work is not counted against them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialCollection
{
    public const string Name = "Serial";
}
