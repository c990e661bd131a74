using BenchmarkDotNet.Attributes;
using Pipeline.Tagging.Evaluation;
using Pipeline.Tagging.Text;

namespace Pipeline.Tagging.Benchmarks;

/// <summary>
/// End-to-end tagging (split, tokenize, tag, canonicalise, rules) of the BC5CDR development abstracts on one
/// thread. Tokens per second = <see cref="TokenCount"/> / mean time of <see cref="TagDevelopmentSet"/>.
/// </summary>
[MemoryDiagnoser]
public class TaggingBenchmarks
{
    private string[] _texts = [];
    private EntityTagger _tagger = null!;

    /// <summary>Tokens in the development set, printed at setup for the tokens/s figure.</summary>
    public static long TokenCount { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _tagger = EntityTagger.LoadDefault();
        var path = Path.Combine(Paths.Datasets(), "bc5cdr", "CDR_DevelopmentSet.PubTator.txt");
        _texts = [.. PubTatorReader.Read(path).Select(d => d.Text)];
        var buffer = new TokenBuffer(1024);
        TokenCount = 0;
        foreach (var t in _texts)
        {
            Tokenizer.Tokenize(t, ref buffer);
            TokenCount += buffer.Count;
        }

        Console.WriteLine($"// development set: {_texts.Length} documents, {TokenCount} tokens");
    }

    [Benchmark]
    public int TagDevelopmentSet()
    {
        var n = 0;
        foreach (var t in _texts)
        {
            n += _tagger.Tag(t).Count;
        }

        return n;
    }
}
