using Pipeline.Storage;

namespace Pipeline.Cli;

/// <summary>A document's most mentioned entities, each under the name the document uses most for it.</summary>
internal static class TopEntities
{
    public static IReadOnlyList<(string Type, string Name, int Mentions)> Of(StoredDocument document, int count)
    {
        ArgumentNullException.ThrowIfNull(document);
        var byKey = new Dictionary<EntityKey, Dictionary<string, int>>();
        foreach (var mention in document.Entities)
        {
            var value = string.IsNullOrWhiteSpace(mention.Canonical) ? mention.Text : mention.Canonical;
            if (!EntityKey.TryParse($"{mention.Type}:{value}", out var key))
            {
                continue;
            }

            if (!byKey.TryGetValue(key.Value, out var forms))
            {
                forms = new Dictionary<string, int>(StringComparer.Ordinal);
                byKey[key.Value] = forms;
            }

            var form = EntityDisplay.Of(key.Value, mention);
            forms[form] = forms.GetValueOrDefault(form) + 1;
        }

        return byKey
            .Select(k => (k.Key.Type, Name: k.Value.MaxBy(f => f.Value).Key, Mentions: k.Value.Values.Sum()))
            .OrderByDescending(e => e.Mentions)
            .ThenBy(e => e.Name, StringComparer.Ordinal)
            .Take(count)
            .ToList();
    }
}
