using Pipeline.Contracts;
using Pipeline.Storage;

namespace Pipeline.Query.Benchmarks;

/// <summary>
/// Synthetic documents: paragraphs of the seed texts and, when <paramref name="mixed"/>, mostly generated prose over a
/// 30,000-word vocabulary with skewed word frequencies (a seed paragraph in one paragraph of ten), so topic words like
/// "ketamine" are in a few percent of documents as in a real collection; without it every paragraph is a seed
/// paragraph and such words are in most documents (the worst case for ranking). Entities are drawn with a skewed
/// popularity from pools per type; dates span five years; fifty hosts. Deterministic for a given seed.
/// </summary>
internal sealed class Corpus(IReadOnlyList<string> paragraphs, bool mixed, int seed = 42)
{
    private static readonly string[] Syllables =
        ["ka", "lo", "mi", "ner", "tos", "vel", "dra", "quin", "sor", "pha", "ly", "mus", "ten", "gor", "bi", "cla", "dun", "ex", "fo", "har", "im", "jol", "kre", "lum", "mor", "nal", "op", "pre", "rus", "sta"];

    private static readonly string[] Vocabulary = Enumerable.Range(0, 30_000)
        .Select(i => Syllables[i % 30] + Syllables[(i / 30) % 30] + (i >= 900 ? Syllables[(i / 900) % 30] : string.Empty))
        .Distinct(StringComparer.Ordinal)
        .ToArray();

    private static readonly string[] Chemicals = Pool("ketamine", "esketamine", "magnesium", "ibuprofen", "aspirin", "serotonin", "dopamine", "glutamate", "lidocaine", "morphine", "naltrexone", "pregabalin", "duloxetine", "milnacipran", "gabapentin", "amitriptyline", "cyclobenzaprine", "tramadol", "melatonin", "vitamin d");
    private static readonly string[] Diseases = Pool("fibromyalgia", "depression", "chronic pain", "anxiety", "migraine", "insomnia", "arthritis", "ptsd", "neuropathy", "fatigue", "lupus", "obesity", "diabetes", "asthma", "hypertension");
    private static readonly string[] Organizations = Pool("stanford university", "mayo clinic", "fda", "nih", "who", "cdc", "harvard medical school", "cleveland clinic");
    private static readonly string[] Locations = Pool("california", "new york", "london", "toronto", "berlin", "sydney", "florida", "texas");
    private readonly Random random = new(seed);

    /// <summary>Pads each pool with numbered variants so there is a long tail of rare values.</summary>
    private static string[] Pool(params string[] common) =>
        [.. common, .. Enumerable.Range(1, 200).Select(i => $"{common[i % common.Length]} variant {i}")];

    public StoredDocument Next(int index)
    {
        var parts = Enumerable.Range(0, random.Next(2, 6))
            .Select(_ => !mixed || random.NextDouble() < 0.1 ? paragraphs[random.Next(paragraphs.Count)] : Prose())
            .ToList();
        var title = $"Report {index}: {FirstWords(parts[0], 8)}";
        var text = new System.Text.StringBuilder();
        var entities = new List<EntityMention>();
        foreach (var part in parts)
        {
            text.Append(part).Append("\n\n");
            foreach (var (type, pool) in new[] { ("Chemical", Chemicals), ("Disease", Diseases), ("Organization", Organizations), ("Location", Locations) })
            {
                if (random.NextDouble() < 0.6)
                {
                    var value = pool[Skewed(pool.Length)];
                    var start = text.Length;
                    text.Append(value).Append(". ");
                    entities.Add(new EntityMention(type, value, start, start + value.Length, value, null));
                }
            }

            text.Append("\n\n");
        }

        var host = $"site{random.Next(50)}.example.com";
        var uri = $"https://{host}/articles/{index}";
        var body = text.ToString();
        return new StoredDocument
        {
            Id = DocumentIdentity.ForSourceUri(uri),
            Source = new DocumentSource("web", uri, $"{host}/articles/{index}"),
            Title = title,
            Text = body,
            Published = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(random.Next(5 * 365 * 24 * 60)),
            FetchedAt = DateTimeOffset.UtcNow,
            Version = 1,
            ContentHash = ContentHashing.Hash(body + index),
            Entities = entities,
            EntityKeys = StoredDocuments.EntityKeysOf(entities),
        };
    }

    private string Prose()
    {
        var words = Enumerable.Range(0, random.Next(40, 90)).Select(_ => Vocabulary[Skewed(Vocabulary.Length)]);
        return string.Join(' ', words) + ".";
    }

    /// <summary>Index 0 most often, then a long tail.</summary>
    private int Skewed(int count) => Math.Min(count - 1, (int)(Math.Pow(random.NextDouble(), 3) * count));

    private static string FirstWords(string text, int count) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Take(count));

    public static IReadOnlyList<string> ParagraphsOf(string seedsFolder) =>
        Directory.GetFiles(seedsFolder, "*.txt")
            .SelectMany(f => File.ReadAllText(f).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(p => p.Length > 80)
            .ToList();
}
