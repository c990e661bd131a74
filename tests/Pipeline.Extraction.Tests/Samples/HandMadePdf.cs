using System.Globalization;
using System.Text;

namespace Pipeline.Extraction.Tests.Samples;

/// <summary>Writes a PDF from raw object bodies with a correct cross-reference table, for malformed and hostile files.</summary>
internal static class HandMadePdf
{
    public static byte[] Write(IReadOnlyList<string> objects, string trailerExtra = "")
    {
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(Encoding.Latin1.GetByteCount(pdf.ToString()));
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = Encoding.Latin1.GetByteCount(pdf.ToString());
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R {trailerExtra}>>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(pdf.ToString());
    }

    /// <summary>A page tree whose kids include itself, and objects that only point at each other.</summary>
    public static byte[] ObjectLoop() => Write(
    [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources 5 0 R >>",
        "6 0 R",
        "4 0 R",
        "5 0 R",
    ]);

    /// <summary>
    /// Objects that only point at each other (4 -> 6 -> 5 -> 4), packed in a Flate-compressed object stream and listed
    /// in a cross-reference stream (PDF 1.5), where a scan of the plain bytes does not see them.
    /// </summary>
    public static byte[] PackedObjectLoop() => Packed([(4, "6 0 R"), (5, "4 0 R"), (6, "5 0 R")], streamLength: null, streamPackedInItself: false);

    /// <summary>An object stream whose /Length is an object packed inside that same stream: reading it needs itself.</summary>
    public static byte[] PackedStreamLengthLoop() => Packed([(4, "<< /Length 9 >>"), (5, "<< >>"), (6, "<< >>")], streamLength: "6 0 R", streamPackedInItself: false);

    /// <summary>An object stream that the cross-reference stream says is packed inside itself.</summary>
    public static byte[] ObjectStreamInsideItself() => Packed([(4, "<< /Length 9 >>"), (5, "<< >>"), (6, "<< >>")], streamLength: null, streamPackedInItself: true);

    private static byte[] Packed((int Number, string Body)[] packed, string? streamLength, bool streamPackedInItself)
    {
        var header = new StringBuilder();
        var objects = new StringBuilder();
        foreach (var (number, body) in packed)
        {
            header.Append(CultureInfo.InvariantCulture, $"{number} {objects.Length} ");
            objects.Append(body).Append('\n');
        }

        var content = Encoding.Latin1.GetBytes(header.ToString() + objects);
        var compressed = new MemoryStream();
        using (var zlib = new System.IO.Compression.ZLibStream(compressed, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(content);
        }

        var pdf = new MemoryStream();
        var offsets = new Dictionary<int, long>();
        void Write(string text) => pdf.Write(Encoding.Latin1.GetBytes(text));
        Write("%PDF-1.5\n");
        string[] plain =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources 5 0 R >>",
        ];
        for (var i = 0; i < plain.Length; i++)
        {
            offsets[i + 1] = pdf.Position;
            Write($"{i + 1} 0 obj\n{plain[i]}\nendobj\n");
        }

        offsets[7] = pdf.Position;
        Write(string.Create(CultureInfo.InvariantCulture, $"7 0 obj\n<< /Type /ObjStm /N {packed.Length} /First {header.Length} /Filter /FlateDecode /Length {streamLength ?? compressed.Length.ToString(CultureInfo.InvariantCulture)} >>\nstream\n"));
        pdf.Write(compressed.ToArray());
        Write("\nendstream\nendobj\n");

        // Cross-reference stream: type (1 byte), offset or object stream (4 bytes), generation or index (2 bytes).
        var xref = pdf.Position;
        var entries = new MemoryStream();
        void Entry(byte type, long field, int index) =>
            entries.Write([type, (byte)(field >> 24), (byte)(field >> 16), (byte)(field >> 8), (byte)field, (byte)(index >> 8), (byte)index]);
        Entry(0, 0, 0xFFFF);
        for (var n = 1; n <= 3; n++)
        {
            Entry(1, offsets[n], 0);
        }

        for (var i = 0; i < packed.Length; i++)
        {
            Entry(2, 7, i);
        }

        if (streamPackedInItself)
        {
            Entry(2, 7, packed.Length);
        }
        else
        {
            Entry(1, offsets[7], 0);
        }

        Entry(1, xref, 0);
        Write(string.Create(CultureInfo.InvariantCulture, $"8 0 obj\n<< /Type /XRef /Size 9 /W [1 4 2] /Root 1 0 R /Length {entries.Length} >>\nstream\n"));
        pdf.Write(entries.ToArray());
        Write(string.Create(CultureInfo.InvariantCulture, $"\nendstream\nendobj\nstartxref\n{xref}\n%%EOF\n"));
        return pdf.ToArray();
    }

    /// <summary>A page tree that lists itself among its kids, and a page whose parent is the page itself.</summary>
    public static byte[] PageTreeLoop() => Write(
    [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
        "<< /Type /Page /Parent 3 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        "<< /Length 5 0 R >>\nstream\nBT /F1 12 Tf 72 712 Td (Loop) Tj ET\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Widths 5 0 R >>",
    ]);

    /// <summary>Standard security handler, revision 2, with a user password we do not know.</summary>
    public static byte[] PasswordProtected() => Write(
    [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        "<< /Length 8 >>\nstream\n\u0093\u0011\u00a7\u0042\u00e4\u0021\u0009\u007f\nendstream",
        "<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <" + new string('7', 64) + "> /U <" + new string('3', 64) + "> >>",
    ], "/Encrypt 5 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>] ");

    /// <summary>A page with drawing but no text: what a scan without OCR looks like to a text extractor.</summary>
    public static byte[] NoText() => Write(
    [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        "<< /Length 35 >>\nstream\n0 0 1 rg 100 100 400 600 re f\nendstream",
    ]);
}
