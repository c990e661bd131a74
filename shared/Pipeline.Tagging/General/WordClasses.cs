using Pipeline.Tagging.Text;

namespace Pipeline.Tagging.General;

/// <summary>
/// Word classes learned from unlabelled text: a fine and a coarse distributional cluster (k-means over each
/// word's left and right neighbours among the most frequent words) and a case profile (how often the word is
/// capitalised where capitals are not forced, mid-sentence). They let the model generalise from "Paris" to a
/// city it never saw labelled, and tell a sentence-initial "Apple" from "Will". Deterministic for a given input.
/// </summary>
internal sealed class WordClasses
{
    public const int Fine = 256;
    public const int Coarse = 32;
    private const int MinCount = 3;
    private const int ContextWords = 400;
    private const int Iterations = 6;
    private const int MaxVocabulary = 40_000;

    private readonly Dictionary<ulong, uint> _classes;

    public WordClasses(Dictionary<ulong, uint> classes) => _classes = classes;

    public int Count => _classes.Count;

    public IEnumerable<KeyValuePair<ulong, uint>> Entries => _classes;

    /// <summary>Packed classes of a normalised word hash: fine cluster + 1 (bits 0-8), coarse + 1 (9-14), case profile + 1 (15-17); 0 when unknown.</summary>
    public uint Of(ulong word) => _classes.TryGetValue(word, out var c) ? c : 0;

    public static WordClasses Learn(IEnumerable<string> texts, TextWriter? log)
    {
        var counts = new Dictionary<ulong, int>();
        var capitalised = new Dictionary<ulong, int>();
        var lower = new Dictionary<ulong, int>();
        var sequences = new List<ulong[]>();
        var buffer = new TokenBuffer(1024);
        foreach (var text in texts)
        {
            Tokenizer.Tokenize(text, ref buffer);
            var hashes = new ulong[buffer.Count];
            var forced = true;
            for (var i = 0; i < buffer.Count; i++)
            {
                var t = buffer[i];
                var word = text.AsSpan(t.Start, t.Length);
                var h = TextHash.Normalized(word);
                hashes[i] = h;
                System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, h, out _)++;
                if (t.Kind == TokenKind.Word && char.IsLetter(word[0]) && !forced && !(word.Length > 1 && IsAllUpper(word)))
                {
                    var target = char.IsUpper(word[0]) ? capitalised : lower;
                    System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(target, h, out _)++;
                }

                var c = word[0];
                forced = t.Kind == TokenKind.Symbol && c is '.' or '!' or '?' or ':' or '"' or '\u201C' or '(' or '-' or '\u2022' ||
                    (i + 1 < buffer.Count && text.AsSpan(t.End, buffer[i + 1].Start - t.End).Contains('\n'));
            }

            sequences.Add(hashes);
        }

        var vocabulary = counts.Where(c => c.Value >= MinCount).OrderByDescending(c => c.Value).ThenBy(c => c.Key).Select(c => c.Key).Take(MaxVocabulary).ToArray();
        var index = new Dictionary<ulong, int>(vocabulary.Length);
        for (var i = 0; i < vocabulary.Length; i++)
        {
            index[vocabulary[i]] = i;
        }

        // Sparse context vectors: left neighbour in [0, ContextWords), right in [ContextWords, 2 * ContextWords).
        var contexts = new Dictionary<int, float>[vocabulary.Length];
        for (var i = 0; i < contexts.Length; i++)
        {
            contexts[i] = [];
        }

        foreach (var s in sequences)
        {
            for (var i = 0; i < s.Length; i++)
            {
                if (!index.TryGetValue(s[i], out var w))
                {
                    continue;
                }

                if (i > 0 && index.TryGetValue(s[i - 1], out var l) && l < ContextWords)
                {
                    System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(contexts[w], l, out _)++;
                }

                if (i + 1 < s.Length && index.TryGetValue(s[i + 1], out var r) && r < ContextWords)
                {
                    System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(contexts[w], ContextWords + r, out _)++;
                }
            }
        }

        var vectors = new (int[] Dims, float[] Values)[vocabulary.Length];
        for (var i = 0; i < vectors.Length; i++)
        {
            var dims = contexts[i].Keys.Order().ToArray();
            var values = dims.Select(d => MathF.Sqrt(contexts[i][d])).ToArray();
            var norm = MathF.Sqrt(values.Sum(v => v * v));
            for (var k = 0; k < values.Length && norm > 0; k++)
            {
                values[k] /= norm;
            }

            vectors[i] = (dims, values);
        }

        var fine = KMeans(vectors, Fine);
        var coarse = KMeans(vectors, Coarse);
        var classes = new Dictionary<ulong, uint>(vocabulary.Length);
        for (var i = 0; i < vocabulary.Length; i++)
        {
            var h = vocabulary[i];
            var up = capitalised.GetValueOrDefault(h);
            var down = lower.GetValueOrDefault(h);
            var profile = up + down < 2 ? 0u : up == 0 ? 1u : down == 0 ? 5u : up * 4 < down ? 2u : down * 4 < up ? 4u : 3u;
            classes[h] = (uint)(fine[i] + 1) | ((uint)(coarse[i] + 1) << 9) | (profile + 1) << 15;
        }

        log?.WriteLine($"word classes: {sequences.Sum(s => s.Length)} tokens of unlabelled text, {vocabulary.Length} words");
        return new WordClasses(classes);
    }

    /// <summary>Spherical k-means (cosine), centroids seeded from evenly spaced frequent words.</summary>
    private static int[] KMeans((int[] Dims, float[] Values)[] vectors, int k)
    {
        var dimensions = 2 * ContextWords;
        var seeds = Math.Min(vectors.Length, 20 * k);
        var centroids = new float[k * dimensions];
        for (var c = 0; c < k; c++)
        {
            var (dims, values) = vectors[c * seeds / k];
            for (var d = 0; d < dims.Length; d++)
            {
                centroids[(c * dimensions) + dims[d]] = values[d];
            }
        }

        var assignment = new int[vectors.Length];
        for (var iteration = 0; iteration < Iterations; iteration++)
        {
            Parallel.For(0, vectors.Length, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
            {
                var (dims, values) = vectors[i];
                var best = 0;
                var bestScore = float.NegativeInfinity;
                for (var c = 0; c < k; c++)
                {
                    var score = 0f;
                    var row = c * dimensions;
                    for (var d = 0; d < dims.Length; d++)
                    {
                        score += centroids[row + dims[d]] * values[d];
                    }

                    if (score > bestScore)
                    {
                        bestScore = score;
                        best = c;
                    }
                }

                assignment[i] = best;
            });

            Array.Clear(centroids);
            for (var i = 0; i < vectors.Length; i++)
            {
                var (dims, values) = vectors[i];
                var row = assignment[i] * dimensions;
                for (var d = 0; d < dims.Length; d++)
                {
                    centroids[row + dims[d]] += values[d];
                }
            }

            for (var c = 0; c < k; c++)
            {
                var row = centroids.AsSpan(c * dimensions, dimensions);
                var norm = 0f;
                foreach (var v in row)
                {
                    norm += v * v;
                }

                norm = MathF.Sqrt(norm);
                for (var d = 0; d < row.Length && norm > 0; d++)
                {
                    row[d] /= norm;
                }
            }
        }

        return assignment;
    }

    private static bool IsAllUpper(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (char.IsLower(c))
            {
                return false;
            }
        }

        return true;
    }
}
