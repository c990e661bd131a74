using Pipeline.Storage;

namespace Pipeline.Cli;

/// <summary>A document's most mentioned entities, each under the name the document uses most for it.</summary>
internal static class TopEntities
{
    public static IReadOnlyList<(string Type, string Name, int Mentions)> Of(StoredDocument document, int count) =>
        EntityDisplay.PerKey(document)
            .Select(k => (k.Key.Type, Name: k.Value.Display, k.Value.Mentions))
            .OrderByDescending(e => e.Mentions)
            .ThenBy(e => e.Name, StringComparer.Ordinal)
            .Take(count)
            .ToList();
}
