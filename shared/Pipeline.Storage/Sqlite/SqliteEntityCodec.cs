using System.Buffers;
using System.Text.Json;
using Pipeline.Contracts;

namespace Pipeline.Storage.Sqlite;

/// <summary>
/// Entities as compact JSON rows, <c>[type, start, end, canonical, id, text?]</c>: the surface text is left out when it
/// is the slice of the document text it points at (always, for the tagger's output), which halves the row size.
/// </summary>
internal static class SqliteEntityCodec
{
    public static string Encode(IReadOnlyList<EntityMention> entities, string text)
    {
        var buffer = new ArrayBufferWriter<byte>(entities.Count * 48 + 2);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var e in entities)
            {
                writer.WriteStartArray();
                writer.WriteStringValue(e.Type);
                writer.WriteNumberValue(e.Start);
                writer.WriteNumberValue(e.End);
                writer.WriteStringValue(e.Canonical);
                if (e.Id is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    writer.WriteStringValue(e.Id);
                }

                if (!IsSlice(e, text))
                {
                    writer.WriteStringValue(e.Text);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static List<EntityMention> Decode(string json, string text)
    {
        using var document = JsonDocument.Parse(json);
        var entities = new List<EntityMention>(document.RootElement.GetArrayLength());
        foreach (var row in document.RootElement.EnumerateArray())
        {
            var start = row[1].GetInt32();
            var end = row[2].GetInt32();
            var surface = row.GetArrayLength() > 5 ? row[5].GetString()! : text[start..end];
            entities.Add(new EntityMention(row[0].GetString()!, surface, start, end, row[3].GetString()!, row[4].ValueKind == JsonValueKind.Null ? null : row[4].GetString()));
        }

        return entities;
    }

    private static bool IsSlice(EntityMention e, string text) =>
        e.Start >= 0 && e.End >= e.Start && e.End <= text.Length && text.AsSpan(e.Start, e.End - e.Start).SequenceEqual(e.Text);
}
