using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Pipeline.Cli.Fuzz;

/// <summary>Valid files of each binary format, built from the text seeds, for the mutator to start from.</summary>
internal static class FuzzSeeds
{
    /// <summary>A one-page PDF showing the first lines of <paramref name="text"/>, with a correct cross-reference table.</summary>
    public static byte[] Pdf(byte[] text)
    {
        var lines = Encoding.UTF8.GetString(text).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(30)
            .Select(l => new string(l.Where(c => c is >= ' ' and < '\u007f' and not '(' and not ')' and not '\\').Take(90).ToArray()));
        var content = new StringBuilder("BT /F1 10 Tf 12 TL 40 760 Td\n");
        foreach (var line in lines)
        {
            content.Append('(').Append(line).Append(") Tj T*\n");
        }

        content.Append("ET");
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(pdf.ToString());
    }

    /// <summary>A minimal Word document: one paragraph per line of <paramref name="text"/>.</summary>
    public static byte[] Docx(byte[] text)
    {
        var body = new StringBuilder();
        foreach (var line in Encoding.UTF8.GetString(text).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(40))
        {
            body.Append("<w:p><w:r><w:t>").Append(System.Security.SecurityElement.Escape(line)).Append("</w:t></w:r></w:p>");
        }

        return ZipOf(
        [
            ("[Content_Types].xml", """<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"""u8.ToArray()),
            ("_rels/.rels", """<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"""u8.ToArray()),
            ("word/document.xml", Encoding.UTF8.GetBytes($"""<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>""")),
        ]);
    }

    /// <summary>A zip of text and HTML files.</summary>
    public static byte[] Zip(IEnumerable<byte[]> files) => ZipOf(files.Select((f, i) => ($"dir/file-{i}.{(f.AsSpan().IndexOf("<html"u8) >= 0 ? "html" : "txt")}", f)));

    /// <summary>A multipart e-mail: <paramref name="text"/> as the body, <paramref name="page"/> attached as HTML in base64.</summary>
    public static byte[] Eml(byte[] text, byte[] page) => Encoding.UTF8.GetBytes(
        "From: a@example.org\r\nTo: b@example.org\r\nSubject: Fuzz seed\r\nDate: Mon, 30 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n" +
        "Content-Type: multipart/mixed; boundary=\"XYZ\"\r\n\r\n--XYZ\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" +
        Encoding.UTF8.GetString(text).Replace("=", "=3D", StringComparison.Ordinal) +
        "\r\n--XYZ\r\nContent-Type: text/html; name=\"page.html\"\r\nContent-Disposition: attachment; filename=\"page.html\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
        Convert.ToBase64String(page, Base64FormattingOptions.InsertLineBreaks) + "\r\n--XYZ--\r\n");

    private static byte[] ZipOf(IEnumerable<(string Name, byte[] Content)> entries)
    {
        var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                stream.Write(content);
            }
        }

        return buffer.ToArray();
    }
}
