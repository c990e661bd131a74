using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Pipeline.Storage;

/// <summary>
/// A paging cursor: the snapshot (highest sequence number visible when the first page was read), so rows written
/// after the first page stay out of later pages, and the position: the sort key and sequence number of the last row
/// (date order, a keyset), or the number of rows already returned (relevance order, whose scores shift a little as
/// the corpus statistics change, which would make a keyset skip or repeat rows).
/// </summary>
internal readonly record struct SearchCursor(long Snapshot, double SortKey, long Seq, int Offset)
{
    public string Encode() =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"1|{Snapshot}|{SortKey:R}|{Seq}|{Offset}")));

    /// <exception cref="ArgumentException">The cursor was not made by <see cref="Encode"/>.</exception>
    public static SearchCursor Decode(string cursor)
    {
        try
        {
            if (cursor.Length > 200)
            {
                throw new FormatException();
            }

            var parts = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(cursor)).Split('|');
            if (parts.Length != 5 || parts[0] != "1")
            {
                throw new FormatException();
            }

            return new SearchCursor(
                long.Parse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture),
                double.Parse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture),
                long.Parse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture),
                int.Parse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture));
        }
        catch (FormatException)
        {
            throw new ArgumentException("The cursor is not valid: pass the nextCursor of a previous page unchanged.", nameof(cursor));
        }
    }
}
