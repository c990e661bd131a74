using System.Buffers.Binary;

namespace Pipeline.Cleaning.Text;

/// <summary>
/// Gradient-boosted regression trees of a fixed depth, stored as complete binary trees: node k's children are 2k+1
/// and 2k+2; a node that did not split sends every row left (threshold +∞). The score is the sum of the leaves reached.
/// </summary>
internal sealed class TreeEnsemble(int depth, short[] features, float[] thresholds, float[] leaves)
{
    public int Depth { get; } = depth;

    public int Trees { get; } = leaves.Length >> depth;

    private int Internal => (1 << Depth) - 1;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public float Score(ReadOnlySpan<float> row)
    {
        float sum = 0;
        var inner = Internal;
        var t = 0;

        // Four trees at a time: their walks do not depend on each other, so the processor overlaps them instead of
        // waiting on one chain of loads; the leaves are still added one tree after another, so the sum is the same.
        for (; t + 4 <= Trees; t += 4)
        {
            int a = 0, b = 0, c = 0, d = 0;
            var first = t * inner;
            for (var level = 0; level < Depth; level++)
            {
                a = Step(row, first, a);
                b = Step(row, first + inner, b);
                c = Step(row, first + (2 * inner), c);
                d = Step(row, first + (3 * inner), d);
            }

            sum += leaves[(t << Depth) + (a - inner)];
            sum += leaves[((t + 1) << Depth) + (b - inner)];
            sum += leaves[((t + 2) << Depth) + (c - inner)];
            sum += leaves[((t + 3) << Depth) + (d - inner)];
        }

        for (; t < Trees; t++)
        {
            var node = 0;
            for (var level = 0; level < Depth; level++)
            {
                node = Step(row, t * inner, node);
            }

            sum += leaves[(t << Depth) + (node - inner)];
        }

        return sum;
    }

    /// <summary>
    /// One level down tree node <paramref name="node"/> of the tree whose nodes start at <paramref name="first"/>:
    /// left when the feature is at most the threshold (so NaN goes right). Without a branch: which way a row goes is
    /// hard to predict, and a missed guess costs more than the test. Every tree is complete, so a walk is
    /// <see cref="Depth"/> steps.
    /// </summary>
    private int Step(ReadOnlySpan<float> row, int first, int node)
    {
        var k = first + node;
        return (2 * node) + 2 - (row[features[k]] <= thresholds[k] ? 1 : 0);
    }

    public void Write(Stream stream)
    {
        Span<byte> four = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(four, Depth);
        stream.Write(four);
        BinaryPrimitives.WriteInt32LittleEndian(four, Trees);
        stream.Write(four);
        for (var k = 0; k < features.Length; k++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(four, features[k]);
            stream.Write(four);
            BinaryPrimitives.WriteSingleLittleEndian(four, thresholds[k]);
            stream.Write(four);
        }

        foreach (var leaf in leaves)
        {
            BinaryPrimitives.WriteSingleLittleEndian(four, leaf);
            stream.Write(four);
        }
    }

    /// <summary>Reads an ensemble written by <see cref="Write"/> at <paramref name="offset"/>; returns it and the offset after it.</summary>
    /// <exception cref="InvalidDataException">The bytes do not hold a well-formed ensemble over <paramref name="width"/> features.</exception>
    public static (TreeEnsemble Trees, int Next) Read(ReadOnlySpan<byte> bytes, int offset, int width)
    {
        if (bytes.Length < offset + 8)
        {
            throw new InvalidDataException("The tree ensemble is cut short.");
        }

        var depth = BinaryPrimitives.ReadInt32LittleEndian(bytes[offset..]);
        var trees = BinaryPrimitives.ReadInt32LittleEndian(bytes[(offset + 4)..]);
        if (depth is < 1 or > 12 || trees is < 0 or > 10_000)
        {
            throw new InvalidDataException($"A tree ensemble of {trees} trees of depth {depth} is not one this code writes.");
        }

        var inner = ((1 << depth) - 1) * trees;
        var leafCount = trees << depth;
        var at = offset + 8;
        if (bytes.Length < at + (8 * inner) + (4 * leafCount))
        {
            throw new InvalidDataException("The tree ensemble is cut short.");
        }

        var features = new short[inner];
        var thresholds = new float[inner];
        for (var k = 0; k < inner; k++, at += 8)
        {
            var f = BinaryPrimitives.ReadInt32LittleEndian(bytes[at..]);
            if (f < 0 || f >= width)
            {
                throw new InvalidDataException($"A tree reads feature {f}; there are {width}.");
            }

            features[k] = (short)f;
            thresholds[k] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(at + 4)..]);
        }

        var leaves = new float[leafCount];
        for (var k = 0; k < leafCount; k++, at += 4)
        {
            leaves[k] = BinaryPrimitives.ReadSingleLittleEndian(bytes[at..]);
        }

        return (new TreeEnsemble(depth, features, thresholds, leaves), at);
    }
}
