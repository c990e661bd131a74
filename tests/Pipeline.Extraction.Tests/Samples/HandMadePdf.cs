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
