namespace Pipeline.Contracts;

/// <summary>An entity found in the cleaned text: <c>Text == text[Start..End]</c>.</summary>
/// <param name="Type">Chemical, Disease, Person, Organization, Location, Publication, Date, Quantity, Url, Email or Phone.</param>
/// <param name="Text">The surface text.</param>
/// <param name="Start">Start index (UTF-16 code units) in the cleaned text.</param>
/// <param name="End">End index, exclusive.</param>
/// <param name="Canonical">The preferred name.</param>
/// <param name="Id">A lexicon id (DrugBank, Disease Ontology) when known.</param>
public sealed record EntityMention(string Type, string Text, int Start, int End, string Canonical, string? Id);
