using Pipeline.Tagging.Model;
using Pipeline.Tagging.Rules;

namespace Pipeline.Tagging;

/// <summary>Finds entities in plain text. Load once with <see cref="LoadDefault"/>; thread-safe and deterministic.</summary>
public sealed class EntityTagger
{
    internal const string ResourceName = "Pipeline.Tagging.tagger.model";

    private static readonly Lazy<EntityTagger> Default = new(LoadEmbedded);

    private readonly TaggerModel _model;

    internal EntityTagger(TaggerModel model) => _model = model;

    /// <summary>What the loaded model was trained on (data, epochs, features).</summary>
    public string Description => _model.Description;

    internal TaggerModel Model => _model;

    /// <summary>The tagger with the model shipped in this assembly, loaded once per process.</summary>
    public static EntityTagger LoadDefault() => Default.Value;

    /// <summary>Loads a model file written by <see cref="TaggerTraining.Train"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not a tagger model.</exception>
    public static EntityTagger Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream);
    }

    /// <summary>Loads a model from a stream written by <see cref="TaggerTraining.Train"/>.</summary>
    public static EntityTagger Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return new EntityTagger(TaggerModel.Read(stream));
    }

    /// <summary>Tags <paramref name="text"/>; spans are UTF-16 indexes into it, sorted by start, never overlapping.</summary>
    public IReadOnlyList<Entity> Tag(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return [];
        }

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
        PatternRecognizer.Find(text, candidates);
        NameRecognizer.Find(doc, candidates);

        var accepted = ws.Accepted;
        OverlapResolver.Resolve(candidates, accepted);
        var result = new Entity[accepted.Count];
        for (var i = 0; i < accepted.Count; i++)
        {
            var c = accepted[i];
            var surface = text[c.Start..c.End];
            result[i] = new Entity(c.Type, surface, c.Start, c.End, c.Canonical ?? surface, c.Id);
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
}
