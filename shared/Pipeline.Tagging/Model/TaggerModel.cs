using System.IO.Compression;
using Pipeline.Tagging.Lexicons;

namespace Pipeline.Tagging.Model;

/// <summary>
/// The trained sequence model and the lexicon it was trained with, stored together (Brotli-compressed,
/// weights as half floats) because features refer to lexicon matches.
/// </summary>
internal sealed class TaggerModel(Lexicon lexicon, FeatureWeights weights, float[] transitions, string description)
{
    private const string Magic = "PTAG-MODEL-1";

    public Lexicon Lexicon { get; } = lexicon;

    public FeatureWeights Weights { get; } = weights;

    public float[] Transitions { get; } = transitions;

    public string Description { get; } = description;

    public bool HasWeights => Weights.Count > 0;

    public void Write(Stream stream)
    {
        using var brotli = new BrotliStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(brotli);
        writer.Write(Magic);
        writer.Write(Description);
        writer.Write(Lexicon.EntryCount);
        foreach (var entry in Lexicon.Entries)
        {
            writer.Write((byte)entry.Type);
            writer.Write(entry.Canonical);
            writer.Write(entry.Id ?? string.Empty);
        }

        writer.Write(Lexicon.TermCount);
        foreach (var (term, entry) in Lexicon.Terms)
        {
            writer.Write(term);
            writer.Write(entry);
        }

        writer.Write(Weights.Count);
        foreach (var f in Weights.Features)
        {
            writer.Write(f);
        }

        foreach (var w in Weights.Weights)
        {
            writer.Write((Half)w);
        }

        writer.Write(Transitions.Length);
        foreach (var t in Transitions)
        {
            writer.Write(t);
        }
    }

    public static TaggerModel Read(Stream stream)
    {
        using var brotli = new BrotliStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new BinaryReader(new BufferedStream(brotli, 1 << 16));
        if (reader.ReadString() != Magic)
        {
            throw new InvalidDataException("Not a Pipeline.Tagging model file.");
        }

        var description = reader.ReadString();
        var lexicon = new Lexicon();
        var entries = reader.ReadInt32();
        for (var i = 0; i < entries; i++)
        {
            var type = (LexiconType)reader.ReadByte();
            var canonical = reader.ReadString();
            var id = reader.ReadString();
            lexicon.AddEntry(new LexiconEntry(type, canonical, id.Length == 0 ? null : id));
        }

        var terms = reader.ReadInt32();
        for (var i = 0; i < terms; i++)
        {
            var term = reader.ReadString();
            lexicon.AddTerm(term, reader.ReadInt32());
        }

        var count = reader.ReadInt32();
        var features = new ulong[count];
        for (var i = 0; i < count; i++)
        {
            features[i] = reader.ReadUInt64();
        }

        var weights = new float[count * Labels.Count];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = (float)reader.ReadHalf();
        }

        var transitions = new float[reader.ReadInt32()];
        for (var i = 0; i < transitions.Length; i++)
        {
            transitions[i] = reader.ReadSingle();
        }

        return new TaggerModel(lexicon, new FeatureWeights(features, weights), transitions, description);
    }

    /// <summary>A model with the lexicon only: tags exact lexicon matches.</summary>
    public static TaggerModel LexiconOnly(Lexicon lexicon) =>
        new(lexicon, new FeatureWeights([], []), new float[(Labels.Count + 1) * Labels.Count], "lexicon only");
}
