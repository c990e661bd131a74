using System.Formats.Tar;
using System.IO.Compression;
using Pipeline.Cleaning;

namespace Pipeline.Extraction.Archives;

/// <summary>Reads a tar (optionally gzipped) in memory, within the expansion budget and entry limits.</summary>
internal static class TarReader
{
    public static List<EmbeddedFile> Read(ReadOnlyMemory<byte> content, ExtractionOptions options, ExpansionBudget budget)
    {
        var bytes = content.ToArray();
        var tar = bytes.Length > 2 && bytes[0] == 0x1F && bytes[1] == 0x8B ? Gunzip(bytes, options, budget) : bytes;
        var files = new List<EmbeddedFile>();
        var entries = 0;
        try
        {
            using var reader = new System.Formats.Tar.TarReader(new MemoryStream(tar, writable: false));
            while (reader.GetNextEntry() is { } entry)
            {
                if (++entries > options.MaxEntries)
                {
                    throw new CleaningRejectedException("too-many-entries", $"The archive has more than {options.MaxEntries:N0} entries.");
                }

                var name = EntryNames.Check(entry.Name);
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null)
                {
                    continue;
                }

                if (!EntryNames.IsCandidate(name))
                {
                    files.Add(new EmbeddedFile(name, []));
                    continue;
                }

                var data = new byte[entry.DataStream.Length];
                entry.DataStream.ReadExactly(data);
                files.Add(new EmbeddedFile(name, data));
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or EndOfStreamException)
        {
            throw new CleaningRejectedException("corrupt", $"The tar archive cannot be read: {ex.Message}");
        }

        if (entries == 0)
        {
            throw new CleaningRejectedException("unsupported-format", "The file is gzip-compressed but holds no tar archive.");
        }

        return files;
    }

    private static byte[] Gunzip(byte[] bytes, ExtractionOptions options, ExpansionBudget budget)
    {
        var limit = Math.Min(budget.Remaining, Math.Max(1024L * 1024, (long)bytes.Length * options.MaxCompressionRatio));
        using var gzip = new GZipStream(new MemoryStream(bytes, writable: false), CompressionMode.Decompress);
        using var output = new MemoryStream();
        var buffer = new byte[81920];
        try
        {
            int read;
            while ((read = gzip.Read(buffer)) > 0)
            {
                output.Write(buffer, 0, read);
                if (output.Length > limit)
                {
                    throw output.Length > budget.Remaining
                        ? new CleaningRejectedException("too-large-expanded", $"The archive expands past the limit of the remaining {budget.Remaining:N0} bytes.")
                        : new CleaningRejectedException("zip-bomb", $"The archive expands more than {options.MaxCompressionRatio} times its size.");
                }
            }
        }
        catch (InvalidDataException ex)
        {
            throw new CleaningRejectedException("corrupt", $"The gzip stream cannot be read: {ex.Message}");
        }

        budget.Spend(output.Length, "the archive");
        return output.ToArray();
    }
}
