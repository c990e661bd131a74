using Pipeline.Tagging.General;
using Pipeline.Tagging.Model;
using Pipeline.Tagging.Rules;

namespace Pipeline.Tagging;

/// <summary>Finds entities in plain text. Load once with <see cref="LoadDefault"/>; thread-safe and deterministic.</summary>
public sealed class EntityTagger
{
    internal const string ResourceName = "Pipeline.Tagging.tagger.model";
    internal const string NamesResourceName = "Pipeline.Tagging.names.model";

    private static readonly Lazy<EntityTagger> Default = new(LoadEmbedded);
    private static readonly Lazy<NameModel?> DefaultNames = new(LoadEmbeddedNames);

    private readonly TaggerModel _model;
    private readonly NameModel? _names;

    internal EntityTagger(TaggerModel model, NameModel? names = null)
    {
        _model = model;
        _names = names;
    }

    /// <summary>What the loaded models were trained on (data, epochs, features).</summary>
    public string Description => _names is null ? _model.Description : _model.Description + "; " + _names.Description;

    internal TaggerModel Model => _model;

    internal NameModel? Names => _names;

    /// <summary>The same biomedical model with another general-domain model, or none (rules only for names).</summary>
    internal EntityTagger WithNames(NameModel? names) => new(_model, names);

    /// <summary>The tagger with the model shipped in this assembly, loaded once per process.</summary>
    public static EntityTagger LoadDefault() => Default.Value;

    /// <summary>Loads a biomedical model file written by <see cref="TaggerTraining.Train"/>, with the shipped general-domain model.</summary>
    /// <exception cref="InvalidDataException">The file is not a tagger model.</exception>
    public static EntityTagger Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream);
    }

    /// <summary>
    /// Loads a biomedical model file (<see cref="TaggerTraining.Train"/>) and a general-domain model file
    /// (<see cref="TaggerTraining.TrainNames"/>); null for either means the shipped one.
    /// </summary>
    /// <exception cref="InvalidDataException">A file is not a model of its kind.</exception>
    public static EntityTagger Load(string? path, string? namesPath)
    {
        var tagger = path is null ? LoadDefault() : Load(path);
        if (namesPath is null)
        {
            return tagger;
        }

        using var names = File.OpenRead(namesPath);
        return tagger.WithNames(NameModel.Read(names));
    }

    /// <summary>Loads a model from a stream written by <see cref="TaggerTraining.Train"/>, with the shipped general-domain model.</summary>
    public static EntityTagger Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return new EntityTagger(TaggerModel.Read(stream), DefaultNames.Value);
    }

    /// <summary>No entity is longer than this many characters but a URL (a run of glued words is no name).</summary>
    public const int MaxEntityLength = 200;

    /// <summary>Longer texts are tagged in pieces of about this many characters cut at paragraph or line breaks,
    /// so working memory stays bounded whatever the document's size (names are consistent within a piece).</summary>
    internal const int ChunkLength = 200_000;

    /// <summary>Tags <paramref name="text"/>; spans are UTF-16 indexes into it, sorted by start, never overlapping.</summary>
    public IReadOnlyList<Entity> Tag(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return [];
        }

        if (text.Length <= ChunkLength)
        {
            return TagPiece(text, 0);
        }

        var result = new List<Entity>();
        var start = 0;
        while (start < text.Length)
        {
            var end = ChunkEnd(text, start);
            result.AddRange(TagPiece(text[start..end], start));
            start = end;
        }

        return result;
    }

    /// <summary>Where a piece starting at <paramref name="start"/> ends: the last paragraph, line or sentence break
    /// (else white space) in the second half of the window; a hard cut only in text without any.</summary>
    internal static int ChunkEnd(string text, int start)
    {
        if (text.Length - start <= ChunkLength)
        {
            return text.Length;
        }

        var window = text.AsSpan(start + (ChunkLength / 2), ChunkLength / 2);
        foreach (var separator in (ReadOnlySpan<string>)["\n\n", "\n", ". "])
        {
            var k = window.LastIndexOf(separator, StringComparison.Ordinal);
            if (k >= 0)
            {
                return start + (ChunkLength / 2) + k + separator.Length;
            }
        }

        var space = window.LastIndexOfAny(' ', '\t');
        var cut = start + ChunkLength;
        if (space >= 0)
        {
            return start + (ChunkLength / 2) + space + 1;
        }

        // Never split a surrogate pair.
        return char.IsLowSurrogate(text[cut]) ? cut - 1 : cut;
    }

    private Entity[] TagPiece(string text, int offset)
    {
        var ws = Workspace.Current;
        var doc = ws.Doc;
        doc.Analyze(text, _model.Lexicon, _model.Seen);
        if (ws.Labels.Length < doc.Count)
        {
            ws.Labels = new int[Math.Max(doc.Count, ws.Labels.Length * 2)];
        }

        var labels = ws.Labels.AsSpan(0, doc.Count);
        SequenceTagger.Label(_model, doc, ws.Buffers, labels);

        var candidates = ws.Candidates;
        candidates.Clear();
        MentionResolver.Resolve(_model.Lexicon, doc, labels, ws.Mentions, candidates);
        if (_names is not null)
        {
            NameTagger.Label(_names, doc, ws.NameBuffers);
            var names = ws.Names;
            names.Clear();
            NameResolver.Resolve(doc, ws.NameBuffers.Labels.AsSpan(0, doc.Count), names);
            names.Sort((a, b) => a.Start.CompareTo(b.Start));
            DomainMerge.Apply(text, candidates, names);
        }

        CompositeMentions.Apply(text, candidates);
        PatternRecognizer.Find(text, candidates);
        NameRecognizer.Find(doc, candidates, rulesForNames: _names is null);

        candidates.RemoveAll(c => c.End - c.Start > MaxEntityLength && c.Type != EntityTypes.Url);
        var accepted = ws.Accepted;
        OverlapResolver.Resolve(candidates, accepted);
        var result = new Entity[accepted.Count];
        for (var i = 0; i < accepted.Count; i++)
        {
            var c = accepted[i];
            var surface = text[c.Start..c.End];
            result[i] = new Entity(c.Type, surface, c.Start + offset, c.End + offset, c.Canonical ?? surface, c.Id);
        }

        doc.Release();
        if (doc.Count > Workspace.KeepLimit)
        {
            Workspace.Discard();
        }

        return result;
    }

    private static EntityTagger LoadEmbedded()
    {
        using var stream = typeof(EntityTagger).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The model resource '{ResourceName}' is missing from the assembly.");
        return Load(stream);
    }

    private static NameModel? LoadEmbeddedNames()
    {
        using var stream = typeof(EntityTagger).Assembly.GetManifestResourceStream(NamesResourceName);
        return stream is null ? null : NameModel.Read(stream);
    }
}
