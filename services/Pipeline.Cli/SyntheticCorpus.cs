using System.Text;
using Pipeline.Contracts;
using Pipeline.Storage;

namespace Pipeline.Cli;

/// <summary>
/// Deterministic article-sized documents for store benchmarks: Zipf-distributed words from a fixed vocabulary,
/// about 600 words in paragraphs, and some fifty entity mentions of twelve to twenty distinct entities (an article
/// keeps coming back to its topic), drawn from a few hundred names.
/// </summary>
internal sealed class SyntheticCorpus(int seed)
{
    private const int VocabularySize = 20_000;
    private static readonly string[] Syllables =
        ["ka", "lo", "mi", "ne", "ra", "to", "su", "pe", "di", "ga", "vo", "ul", "an", "er", "is", "om", "ti", "ba", "ce", "fu"];

    private readonly Random random = new(seed);
    private readonly string[] vocabulary = BuildVocabulary();
    private readonly double[] cumulative = BuildZipf(VocabularySize);

    /// <summary>A word as queries would use it: common enough to match, rare enough to select.</summary>
    public string QueryWord() => vocabulary[50 + random.Next(2000)];

    public static string EntityValue(string type, int i) => $"{type.ToLowerInvariant()}-{i}";

    public StoredDocument Next(int index)
    {
        var text = new StringBuilder(4096);
        var entities = new List<EntityMention>();
        var topic = new string[12 + random.Next(9)];
        for (var t = 0; t < topic.Length; t++)
        {
            var kind = random.Next(2) == 0 ? "Chemical" : "Disease";
            topic[t] = kind + ":" + EntityValue(kind, (int)(Math.Pow(random.NextDouble(), 2) * 300));
        }

        for (var paragraph = 0; paragraph < 6; paragraph++)
        {
            for (var word = 0; word < 100; word++)
            {
                if (word > 0 && random.Next(12) == 0)
                {
                    var chosen = topic[random.Next(topic.Length)];
                    var type = chosen[..chosen.IndexOf(':', StringComparison.Ordinal)];
                    var name = chosen[(type.Length + 1)..];
                    text.Append(' ');
                    entities.Add(new EntityMention(type, name, text.Length, text.Length + name.Length, name, null));
                    text.Append(name);
                    continue;
                }

                text.Append(word == 0 ? string.Empty : " ").Append(vocabulary[Sample()]);
            }

            text.Append(".\n\n");
        }

        var uri = $"https://bench{index % 50}.example/articles/{index}";
        var body = text.ToString().TrimEnd();
        return new StoredDocument
        {
            Id = DocumentIdentity.ForSourceUri(uri),
            Source = new DocumentSource("web", uri, uri[8..]),
            Title = $"{vocabulary[Sample()]} {vocabulary[Sample()]} {vocabulary[Sample()]} {index}",
            Text = body,
            Language = "en",
            Published = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(index * 7),
            FetchedAt = DateTimeOffset.UnixEpoch.AddSeconds(index),
            Version = 1,
            ContentHash = ContentHashing.Hash(body),
            Entities = entities,
            EntityKeys = StoredDocuments.EntityKeysOf(entities),
        };
    }

    private int Sample()
    {
        var index = Array.BinarySearch(cumulative, random.NextDouble());
        return Math.Min(index < 0 ? ~index : index, VocabularySize - 1);
    }

    private static string[] BuildVocabulary()
    {
        var words = new string[VocabularySize];
        for (var i = 0; i < VocabularySize; i++)
        {
            var n = i;
            var word = new StringBuilder();
            do
            {
                word.Append(Syllables[n % Syllables.Length]);
                n /= Syllables.Length;
            }
            while (n > 0);
            words[i] = word.ToString();
        }

        return words;
    }

    private static double[] BuildZipf(int size)
    {
        var weights = new double[size];
        var total = 0.0;
        for (var i = 0; i < size; i++)
        {
            total += 1.0 / (i + 1);
            weights[i] = total;
        }

        for (var i = 0; i < size; i++)
        {
            weights[i] /= total;
        }

        return weights;
    }
}
