using System.Formats.Tar;
using System.IO.Compression;

namespace Pipeline.Extraction.Tests.Samples;

/// <summary>Zips and tars built in memory with System.IO.Compression and System.Formats.Tar, hostile ones included.</summary>
internal static class ArchiveSamples
{
    public static byte[] Zip(IEnumerable<(string Name, byte[] Content)> entries, CompressionLevel level = CompressionLevel.Fastest)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = zip.CreateEntry(name, level).Open();
                entry.Write(content);
            }
        }

        return stream.ToArray();
    }

    public static byte[] TarGz(IEnumerable<(string Name, byte[] Content)> entries)
    {
        using var stream = new MemoryStream();
        using (var gzip = new GZipStream(stream, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(content) });
            }
        }

        return stream.ToArray();
    }

    /// <summary>A .docx whose document part is 40 MiB of spaces, squeezed a thousandfold.</summary>
    public static byte[] DocxBomb()
    {
        var valid = OfficeSamples.Docx(["A short paragraph."], withExtras: false);
        using var stream = new MemoryStream();
        stream.Write(valid);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry("word/document.xml")!.Delete();
            using var entry = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            var spaces = new byte[1024 * 1024];
            Array.Fill(spaces, (byte)' ');
            for (var i = 0; i < 40; i++)
            {
                entry.Write(spaces);
            }
        }

        return stream.ToArray();
    }
}
