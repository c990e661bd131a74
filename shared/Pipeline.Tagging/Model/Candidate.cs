namespace Pipeline.Tagging.Model;

/// <summary>A proposed entity in character offsets, before overlaps between recognisers are resolved.</summary>
/// <param name="Evidence">For chemicals and diseases: a vocabulary or training-data name, a curated term or a short form
/// defined in the text backs the mention (the merge with the general model keeps only those against a name).</param>
internal readonly record struct Candidate(int Start, int End, string Type, int Priority, string? Canonical, string? Id, bool Evidence = false);
