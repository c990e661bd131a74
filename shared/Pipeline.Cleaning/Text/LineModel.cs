using System.Buffers.Binary;

namespace Pipeline.Cleaning.Text;

/// <summary>
/// The learned line model for text dumps: two logistic regressions, the second reading the first's probabilities
/// around each line (a stacked sequence model), boosted trees on the second's inputs that correct its score, and the
/// keep threshold chosen on the training split. The first pass also reads the line's words through a lexicon.
/// Trained by <c>pipeline train-cleaner</c>; the shipped weights are embedded in this assembly.
/// </summary>
internal sealed class LineModel(float[] pass1, float[] pass2, float threshold, TreeEnsemble? trees = null, LineLexicon? lexicon = null)
{
    private const string ResourceName = "Pipeline.Cleaning.lines.model";
    private static readonly byte[] Magic = "PLM3"u8.ToArray();
    private static readonly Lazy<LineModel?> Embedded = new(LoadEmbedded);

    /// <summary>The shipped model, or null when the assembly was built without one.</summary>
    public static LineModel? Shipped => Embedded.Value;

    /// <summary>First-pass weights; finite, so that skipping zero features (<see cref="LineFeatureTable.Pass1Score"/>) changes no sum.</summary>
    public float[] Pass1 { get; } = pass1.Length == LineFeatureTable.Pass1Width && AllFinite(pass1) ? pass1 : throw new ArgumentException("The first-pass weights do not match the features or are not all finite.", nameof(pass1));

    public float[] Pass2 { get; } = pass2.Length == LineFeatureTable.Pass2Width && AllFinite(pass2) ? pass2 : throw new ArgumentException("The second-pass weights do not match the features or are not all finite.", nameof(pass2));

    /// <summary>Trees added to the second pass's score; none in a model trained without them.</summary>
    public TreeEnsemble? Trees { get; } = trees;

    /// <summary>Word weights added to the first pass's score; none in a model trained without them.</summary>
    public LineLexicon? Lexicon { get; } = lexicon;

    /// <summary>A line is kept when its probability is at least this.</summary>
    public float Threshold { get; } = threshold;

    /// <summary>The probability that each line belongs to the main text.</summary>
    public float[] Predict(List<TextUnit> units) => Predict(LineFeatures.Compute(units));

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public float[] Predict(LineFeatureTable table)
    {
        var p1 = PredictPass1(table);
        table.PrepareMass(p1);
        var p2 = new float[table.Count];
        Span<float> row = stackalloc float[LineFeatureTable.Pass2Width];
        for (var i = 0; i < table.Count; i++)
        {
            table.Pass2Row(i, p1, row);
            p2[i] = Sigmoid(Dot(Pass2, row) + (Trees?.Score(row) ?? 0));
        }

        return p2;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public float[] PredictPass1(LineFeatureTable table)
    {
        var p1 = new float[table.Count];
        for (var i = 0; i < table.Count; i++)
        {
            p1[i] = Sigmoid(table.Pass1Score(i, Pass1) + (Lexicon?.Score(table.TokensOf(i)) ?? 0));
        }

        return p1;
    }

    public static float Sigmoid(float z) => 1 / (1 + MathF.Exp(-Math.Clamp(z, -30, 30)));

    /// <summary>A plain sequential dot product: the same sum on every machine, so training is reproducible byte for byte.</summary>
    public static float Dot(ReadOnlySpan<float> w, ReadOnlySpan<float> x)
    {
        float sum = 0;
        for (var i = 0; i < w.Length; i++)
        {
            sum += w[i] * x[i];
        }

        return sum;
    }

    /// <summary>Writes the model: a magic, the two widths, the threshold, the weights, the trees and the lexicon, little-endian.</summary>
    public void Write(Stream stream)
    {
        stream.Write(Magic);
        Span<byte> four = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(four, Pass1.Length);
        stream.Write(four);
        BinaryPrimitives.WriteInt32LittleEndian(four, Pass2.Length);
        stream.Write(four);
        BinaryPrimitives.WriteSingleLittleEndian(four, Threshold);
        stream.Write(four);
        foreach (var w in (float[][])[Pass1, Pass2])
        {
            foreach (var x in w)
            {
                BinaryPrimitives.WriteSingleLittleEndian(four, x);
                stream.Write(four);
            }
        }

        (Trees ?? new TreeEnsemble(1, [], [], [])).Write(stream);
        (Lexicon ?? new LineLexicon([], [])).Write(stream);
    }

    /// <summary>Reads a model written by <see cref="Write"/>.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a line model for these features.</exception>
    public static LineModel Read(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.ToArray().AsSpan();
        if (bytes.Length < 16 || !bytes[..4].SequenceEqual(Magic))
        {
            throw new InvalidDataException("Not a line model (bad header).");
        }

        var n1 = BinaryPrimitives.ReadInt32LittleEndian(bytes[4..]);
        var n2 = BinaryPrimitives.ReadInt32LittleEndian(bytes[8..]);
        if (n1 != LineFeatureTable.Pass1Width || n2 != LineFeatureTable.Pass2Width || bytes.Length < 16 + (4 * (n1 + n2)))
        {
            throw new InvalidDataException($"The line model has {n1}+{n2} weights; these features need {LineFeatureTable.Pass1Width}+{LineFeatureTable.Pass2Width}. Retrain it with pipeline train-cleaner.");
        }

        var threshold = BinaryPrimitives.ReadSingleLittleEndian(bytes[12..]);
        var w1 = new float[n1];
        var w2 = new float[n2];
        for (var i = 0; i < n1; i++)
        {
            w1[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(16 + (4 * i))..]);
        }

        for (var i = 0; i < n2; i++)
        {
            w2[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(16 + (4 * (n1 + i)))..]);
        }

        if (!AllFinite(w1) || !AllFinite(w2))
        {
            throw new InvalidDataException("The line model has a weight that is not a finite number.");
        }

        var (trees, afterTrees) = TreeEnsemble.Read(bytes, 16 + (4 * (n1 + n2)), n2);
        var (lexicon, end) = LineLexicon.Read(bytes, afterTrees);
        if (end != bytes.Length)
        {
            throw new InvalidDataException("The line model has bytes after its lexicon.");
        }

        return new LineModel(w1, w2, threshold, trees.Trees == 0 ? null : trees, lexicon.Tokens.Length == 0 ? null : lexicon);
    }

    private static bool AllFinite(float[] weights) => Array.TrueForAll(weights, float.IsFinite);

    private static LineModel? LoadEmbedded()
    {
        using var stream = typeof(LineModel).Assembly.GetManifestResourceStream(ResourceName);
        return stream is null ? null : Read(stream);
    }
}
