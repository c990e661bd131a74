using System.IO.Compression;
using Pipeline.Cleaning;

namespace Pipeline.Extraction.Archives;

/// <summary>
/// Reads a zip in memory, refusing bombs before inflating anything: too many entries, an entry expanding more than the
/// allowed ratio, declared sizes over the budget, names climbing out with <c>../</c>. Nothing is written to disk.
/// </summary>
internal static class ZipReader
{
    private const long SmallEntry = 1024 * 1024;

    public static List<EmbeddedFile> Read(ReadOnlyMemory<byte> content, ExtractionOptions options, ExpansionBudget budget)
    {
        var files = new List<EmbeddedFile>();
        Open(content, options, budget, zip =>
        {
            foreach (var entry in zip.Entries)
            {
                if (entry.FullName.EndsWith('/'))
                {
                    continue;
                }

                var name = entry.FullName.Replace('\\', '/');
                files.Add(new EmbeddedFile(name, EntryNames.IsCandidate(name) ? ReadEntry(entry) : []));
            }
        });
        return files;
    }

    /// <summary>The checks alone, for zip-based formats (DOCX, PPTX, EPUB) read by other code.</summary>
    public static void Check(ReadOnlyMemory<byte> content, ExtractionOptions options, ExpansionBudget budget) =>
        Open(content, options, budget, _ => { });

    public static void Open(ReadOnlyMemory<byte> content, ExtractionOptions options, ExpansionBudget budget, Action<ZipArchive> read)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content.ToArray(), writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > options.MaxEntries)
            {
                throw new CleaningRejectedException("too-many-entries", $"The archive has {zip.Entries.Count:N0} entries; the limit is {options.MaxEntries:N0}.");
            }

            long declared = 0;
            foreach (var entry in zip.Entries)
            {
                EntryNames.Check(entry.FullName);
                if (entry.Length > SmallEntry && entry.Length > Math.Max(1, entry.CompressedLength) * options.MaxCompressionRatio)
                {
                    throw new CleaningRejectedException("zip-bomb", $"The entry '{entry.FullName}' expands {entry.Length / Math.Max(1, entry.CompressedLength):N0} times ({entry.Length:N0} bytes).");
                }

                declared += entry.Length;
            }

            // Inflation never goes past an entry's declared length, so the declared total bounds the memory used.
            budget.Spend(declared, "the archive");
            read(zip);
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException)
        {
            // An entry whose data ends before its declared length is as broken as an unreadable directory.
            throw new CleaningRejectedException("corrupt", $"The zip container cannot be read: {ex.Message}");
        }
    }

    private static byte[] ReadEntry(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        var buffer = new byte[entry.Length];
        stream.ReadExactly(buffer);
        return buffer;
    }
}
