namespace Pipeline.Cli.Fuzz;

/// <summary>One decoder/parser/cleaner under fuzzing: the file name that routes an input to it, and how its seeds are made.</summary>
internal sealed record FuzzTarget(string Name, string FileName, Func<IReadOnlyList<byte[]>, IReadOnlyList<byte[]>, IReadOnlyList<byte[]>> Seeds)
{
    /// <summary>Every target; the extractor sniffs the bytes first, so a mutated input may still reach another decoder.</summary>
    public static readonly IReadOnlyList<FuzzTarget> All =
    [
        new("text", "input.txt", (texts, _) => texts),
        new("html", "input.html", (_, pages) => pages),
        new("markdown", "input.md", (texts, _) => texts),
        new("pdf", "input.pdf", (texts, _) => texts.Take(8).Select(FuzzSeeds.Pdf).ToList()),
        new("docx", "input.docx", (texts, _) => texts.Take(8).Select(FuzzSeeds.Docx).ToList()),
        new("zip", "input.zip", (texts, pages) => [FuzzSeeds.Zip(texts.Take(4).Concat(pages.Take(4)))]),
        new("eml", "input.eml", (texts, pages) => texts.Take(8).Select((t, i) => FuzzSeeds.Eml(t, pages.Count > 0 ? pages[i % pages.Count] : t)).ToList()),
    ];
}
