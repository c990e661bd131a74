using System.IO.Compression;
using Pipeline.Tagging.Lexicons;

namespace Pipeline.Tagging.Model;

/// <summary>
/// The trained sequence model and the lexicon it was trained with, stored together (Brotli-compressed,
/// weights as half floats) because features refer to lexicon matches.
/// </summary>
internal sealed class TaggerModel(Lexicon lexicon, Lexicon seen, FeatureWeights weights, float[] transitions, string description)
{
    private const string Magic = "PTAG-MODEL-3";

    /// <summary>The stacked second pass over first-pass labels and document votes, when trained.</summary>
    public FeatureWeights? Stage2Weights { get; init; }

    public float[]? Stage2Transitions { get; init; }

    public Lexicon Lexicon { get; } = lexicon;

    /// <summary>Names annotated in the training data, a feature only (no canonical names or ids).</summary>
    public Lexicon Seen { get; } = seen;

    public FeatureWeights Weights { get; } = weights;

    public float[] Transitions { get; } = transitions;

    public string Description { get; } = description;

    public bool HasWeights => Weights.Count > 0;

    public void Write(Stream stream)
    {
        using var brotli = new BrotliStream(stream, CompressionLevel.Optimal, leaveOpen: true);
        using var writer = new BinaryWriter(brotli);
        writer.Write(Magic);
        writer.Write(Description);
        WriteLexicon(writer, Lexicon);
        WriteLexicon(writer, Seen);
        WriteWeights(writer, Weights, Transitions);
        writer.Write(Stage2Weights is not null);
        if (Stage2Weights is not null)
        {
            WriteWeights(writer, Stage2Weights, Stage2Transitions!);
        }
    }

    private static void WriteWeights(BinaryWriter writer, FeatureWeights weights, float[] transitions)
    {
        writer.Write(weights.Count);
        foreach (var f in weights.Features)
        {
            writer.Write(f);
        }

        foreach (var w in weights.Weights)
        {
            writer.Write((Half)w);
        }

        writer.Write(transitions.Length);
        foreach (var t in transitions)
        {
            writer.Write(t);
        }
    }

    public static TaggerModel Read(Stream stream)
    {
        try
        {
            return ReadUnchecked(stream);
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or FormatException or ArgumentException or OverflowException)
        {
            throw new InvalidDataException("Not a readable Pipeline.Tagging model file.", e);
        }
    }

    private static TaggerModel ReadUnchecked(Stream stream)
    {
        using var brotli = new BrotliStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new BinaryReader(new BufferedStream(brotli, 1 << 16));
        if (reader.ReadString() != Magic)
        {
            throw new InvalidDataException("Not a Pipeline.Tagging model file (or one from an incompatible version).");
        }

        var description = reader.ReadString();
        var lexicon = ReadLexicon(reader);
        var seen = ReadLexicon(reader);
        var (weights, transitions) = ReadWeights(reader);
        FeatureWeights? stage2 = null;
        float[]? stage2Transitions = null;
        if (reader.ReadBoolean())
        {
            (stage2, stage2Transitions) = ReadWeights(reader);
        }

        return new TaggerModel(lexicon, seen, weights, transitions, description) { Stage2Weights = stage2, Stage2Transitions = stage2Transitions };
    }

    private static (FeatureWeights Weights, float[] Transitions) ReadWeights(BinaryReader reader)
    {
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

        return (new FeatureWeights(features, weights), transitions);
    }

    private static void WriteLexicon(BinaryWriter writer, Lexicon lexicon)
    {
        writer.Write(lexicon.EntryCount);
        foreach (var entry in lexicon.Entries)
        {
            writer.Write((byte)entry.Type);
            writer.Write(entry.Canonical);
            writer.Write(entry.Id ?? string.Empty);
        }

        writer.Write(lexicon.TermCount);
        foreach (var (term, entry) in lexicon.Terms)
        {
            writer.Write(term);
            writer.Write(entry);
        }
    }

    private static Lexicon ReadLexicon(BinaryReader reader)
    {
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

        return lexicon;
    }

    /// <summary>A model with the lexicon only: tags exact lexicon matches.</summary>
    public static TaggerModel LexiconOnly(Lexicon lexicon) =>
        new(lexicon, new Lexicon(), new FeatureWeights([], []), new float[(Labels.Count + 1) * Labels.Count], "lexicon only");
}
