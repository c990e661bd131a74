using BenchmarkDotNet.Attributes;
using Pipeline.Tagging.Evaluation;
using Pipeline.Tagging.Text;

namespace Pipeline.Tagging.Benchmarks;

/// <summary>
/// End-to-end tagging (split, tokenize, tag, canonicalise, rules) on one thread, of the BC5CDR development
/// abstracts and of general-domain text (the ner-general development splits rebuilt as running text), by the
/// whole tagger (both models) and, as the baseline in the same run, the biomedical model with the name rules
/// only (the tagger before the general model). Tokens per second = <see cref="TokenCount"/> / mean time.
/// </summary>
[MemoryDiagnoser]
public class TaggingBenchmarks
{
    private string[] _texts = [];
    private EntityTagger _whole = null!;
    private EntityTagger _biomedicalOnly = null!;

    /// <summary>Which texts: <c>bc5cdr-dev</c> or <c>ner-general-dev</c>.</summary>
    [Params("bc5cdr-dev", "ner-general-dev")]
    public string Corpus { get; set; } = "bc5cdr-dev";

    /// <summary>Tokens in the corpus, printed at setup for the tokens/s figure.</summary>
    public static long TokenCount { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _whole = EntityTagger.LoadDefault();
        _biomedicalOnly = _whole.WithNames(null);
        _texts = Corpus == "bc5cdr-dev"
            ? [.. PubTatorReader.Read(Path.Combine(Paths.Datasets(), "bc5cdr", "CDR_DevelopmentSet.PubTator.txt")).Select(d => d.Text)]
            : [.. TaggerEvaluation.NerGeneralDevelopmentFiles.SelectMany(f => General.ConllReader.Read(Path.Combine(Paths.Datasets(), "ner-general", f))).Select(d => d.Text)];
        var buffer = new TokenBuffer(1024);
        TokenCount = 0;
        foreach (var t in _texts)
        {
            Tokenizer.Tokenize(t, ref buffer);
            TokenCount += buffer.Count;
        }

        Console.WriteLine($"// {Corpus}: {_texts.Length} documents, {TokenCount} tokens");
    }

    /// <summary>Both models, merged (the shipped tagger).</summary>
    [Benchmark]
    public int Whole() => TagAll(_whole);

    /// <summary>The biomedical model and the name rules (the tagger before the general model).</summary>
    [Benchmark(Baseline = true)]
    public int BiomedicalOnly() => TagAll(_biomedicalOnly);

    private int TagAll(EntityTagger tagger)
    {
        var n = 0;
        foreach (var t in _texts)
        {
            n += tagger.Tag(t).Count;
        }

        return n;
    }
}
