using System.IO.Compression;
using Pipeline.Tagging.Model;

namespace Pipeline.Tagging.General;

/// <summary>
/// The general-domain model (Person, Organization, Location, Misc): averaged-perceptron weights over
/// <see cref="NameFeatures"/>, BILOU transitions and the gazetteer the features refer to. Brotli-compressed,
/// weights as half floats, like <see cref="TaggerModel"/>.
/// </summary>
internal sealed class NameModel(NameGazetteer gazetteer, WordClasses classes, FeatureWeights weights, float[] transitions, string description)
{
    private const string Magic = "PTAG-NAMES-2";

    public const int LabelCount = 17;

    public static readonly LabelSet LabelSet = new(4);

    public NameGazetteer Gazetteer { get; } = gazetteer;

    public WordClasses Classes { get; } = classes;

    public FeatureWeights Weights { get; } = weights;

    public float[] Transitions { get; } = transitions;

    public string Description { get; } = description;

    public void Write(Stream stream)
    {
        using var brotli = new BrotliStream(stream, CompressionLevel.Optimal, leaveOpen: true);
        using var writer = new BinaryWriter(brotli);
        writer.Write(Magic);
        writer.Write(Description);
        writer.Write(Gazetteer.Count);
        foreach (var (hash, bits) in Gazetteer.Entries.OrderBy(e => e.Key))
        {
            writer.Write(hash);
            writer.Write(bits);
        }

        writer.Write(Classes.Count);
        foreach (var (hash, packed) in Classes.Entries.OrderBy(e => e.Key))
        {
            writer.Write(hash);
            writer.Write(packed);
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

    /// <exception cref="InvalidDataException">The stream is not a names model.</exception>
    public static NameModel Read(Stream stream)
    {
        try
        {
            using var brotli = new BrotliStream(stream, CompressionMode.Decompress, leaveOpen: true);
            using var reader = new BinaryReader(new BufferedStream(brotli, 1 << 16));
            if (reader.ReadString() != Magic)
            {
                throw new InvalidDataException("Not a Pipeline.Tagging names model (or one from an incompatible version).");
            }

            var description = reader.ReadString();
            var gazetteer = new NameGazetteer();
            var entries = reader.ReadInt32();
            for (var i = 0; i < entries; i++)
            {
                var hash = reader.ReadUInt64();
                gazetteer.AddRaw(hash, reader.ReadByte());
            }

            var classCount = reader.ReadInt32();
            var classes = new Dictionary<ulong, uint>(classCount);
            for (var i = 0; i < classCount; i++)
            {
                var hash = reader.ReadUInt64();
                classes[hash] = reader.ReadUInt32();
            }

            var count = reader.ReadInt32();
            if (count < 0 || count > 50_000_000)
            {
                throw new InvalidDataException("The names model's feature count is out of range.");
            }

            // The bulk of the file: read as blocks (the format is little-endian, as BinaryWriter writes it).
            var features = new ulong[count];
            var halves = new Half[count * LabelSet.Count];
            if (BitConverter.IsLittleEndian)
            {
                reader.BaseStream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(features.AsSpan()));
                reader.BaseStream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(halves.AsSpan()));
            }
            else
            {
                for (var i = 0; i < features.Length; i++)
                {
                    features[i] = reader.ReadUInt64();
                }

                for (var i = 0; i < halves.Length; i++)
                {
                    halves[i] = reader.ReadHalf();
                }
            }

            var weights = new float[halves.Length];
            for (var i = 0; i < weights.Length; i++)
            {
                weights[i] = (float)halves[i];
            }

            var transitions = new float[reader.ReadInt32()];
            if (transitions.Length != (LabelSet.Count + 1) * LabelSet.Count)
            {
                throw new InvalidDataException("The names model's transition table has the wrong size.");
            }

            for (var i = 0; i < transitions.Length; i++)
            {
                transitions[i] = reader.ReadSingle();
            }

            return new NameModel(gazetteer, new WordClasses(classes), new FeatureWeights(features, weights, LabelSet.Count), transitions, description);
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or FormatException or ArgumentException or OverflowException)
        {
            throw new InvalidDataException("Not a readable Pipeline.Tagging names model file.", e);
        }
    }
}
