using Pipeline.Cleaning;

namespace Pipeline.Extraction;

/// <summary>One cleaned document out of a file: the file itself (<paramref name="EntryPath"/> null) or a file inside it.</summary>
/// <param name="EntryPath">Null for the file itself; else the path inside it, nested containers joined by '/' (<c>mail.eml/report.pdf</c>).</param>
/// <param name="ParentPath">For an entry, the entry path of the container it came from (null when that is the file itself).</param>
/// <param name="Format">One of <see cref="DocumentFormats"/>.</param>
/// <param name="Cleaned">The cleaned text and metadata.</param>
/// <param name="Pages">For paged formats, where each page lies in <see cref="CleaningResult.Text"/>.</param>
public sealed record ExtractedDocument(string? EntryPath, string? ParentPath, string Format, CleaningResult Cleaned, IReadOnlyList<PageRange> Pages);
