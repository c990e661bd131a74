namespace Pipeline.Tagging;

/// <summary>An entity found in text: <c>Text == input[Start..End]</c>.</summary>
/// <param name="Type">One of <see cref="EntityTypes"/>.</param>
/// <param name="Text">The surface text.</param>
/// <param name="Start">Start index (UTF-16 code units).</param>
/// <param name="End">End index, exclusive.</param>
/// <param name="Canonical">The preferred name (lower-cased lexicon name, or the long form of an abbreviation).</param>
/// <param name="Id">A lexicon id (DrugBank <c>DBxxxxx</c>, Disease Ontology <c>DOID:nnn</c>) when known.</param>
public sealed record Entity(string Type, string Text, int Start, int End, string Canonical, string? Id);
