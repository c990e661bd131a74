namespace Pipeline.Tagging.Evaluation;

/// <summary>Reads PubTator files: "id|t|title", "id|a|abstract", then tab-separated mentions, blank line between documents.</summary>
internal static class PubTatorReader
{
    public static List<PubTatorDocument> Read(string path, int? limit = null)
    {
        var documents = new List<PubTatorDocument>();
        string? id = null;
        string title = string.Empty;
        string abstractText = string.Empty;
        var mentions = new List<PubTatorMention>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0)
            {
                Flush();
                if (limit is { } l && documents.Count >= l)
                {
                    return documents;
                }

                continue;
            }

            var bar = line.IndexOf('|', StringComparison.Ordinal);
            if (bar > 0 && bar + 2 < line.Length && line[bar + 2] == '|' && line[bar + 1] is 't' or 'a')
            {
                id = line[..bar];
                if (line[bar + 1] == 't')
                {
                    title = line[(bar + 3)..];
                }
                else
                {
                    abstractText = line[(bar + 3)..];
                }

                continue;
            }

            var parts = line.Split('\t');
            if (parts.Length >= 5 && int.TryParse(parts[1], out var start) && int.TryParse(parts[2], out var end) && parts[4] is "Chemical" or "Disease")
            {
                mentions.Add(new PubTatorMention(start, end, parts[4]));
            }
        }

        Flush();
        return limit is { } max && documents.Count > max ? documents[..max] : documents;

        void Flush()
        {
            if (id is null)
            {
                return;
            }

            documents.Add(new PubTatorDocument(id, title + "\n" + abstractText, mentions));
            id = null;
            title = abstractText = string.Empty;
            mentions = [];
        }
    }
}
