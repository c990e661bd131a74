namespace Pipeline.Tagging.Model;

/// <summary>A proposed entity in character offsets, before overlaps between recognisers are resolved.</summary>
internal readonly record struct Candidate(int Start, int End, string Type, int Priority, string? Canonical, string? Id);
