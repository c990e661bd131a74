using System.Numerics;

namespace Pipeline.Tagging.Model;

/// <summary>
/// Feature hash to weight-row table: open addressing (power-of-two size, at most half full) over entries that each
/// hold a feature's hash and the offset of its row in the weights as given, which are kept once, densely. A lookup
/// touches one entry and one row; the model takes half the memory of a table with a row per slot.
/// Read-only after construction, so many threads can score at once.
/// </summary>
internal sealed class FeatureWeights
{
    private const ulong Empty = 0;

    private readonly Entry[] _entries;
    private readonly int _mask;
    private readonly int _labels;

    public FeatureWeights(ulong[] features, float[] weights, int labels = Labels.Count)
    {
        _labels = labels;
        if (weights.Length != features.Length * labels)
        {
            throw new ArgumentException("Weights must hold one row per feature.", nameof(weights));
        }

        Features = features;
        Weights = weights;
        var size = 16;
        while (size < features.Length * 2)
        {
            size <<= 1;
        }

        _entries = new Entry[size];
        _mask = size - 1;
        for (var i = 0; i < features.Length; i++)
        {
            // Zero marks an empty slot; a feature hash of zero (one in 2^64) is simply not stored.
            var key = features[i];
            if (key == Empty)
            {
                continue;
            }

            var slot = (int)(key & (ulong)_mask);
            while (_entries[slot].Key != Empty)
            {
                slot = (slot + 1) & _mask;
            }

            _entries[slot] = new Entry(key, i * labels);
        }
    }

    /// <summary>The features in the order given.</summary>
    public ulong[] Features { get; }

    /// <summary>One row of weights per feature, in the order of <see cref="Features"/>.</summary>
    public float[] Weights { get; }

    public int Count => Features.Length;

    /// <summary>Labels per weight row.</summary>
    public int LabelCount => _labels;

    /// <summary>Adds the weight rows of the given features into <paramref name="scores"/>.</summary>
    /// <remarks>
    /// The weights are far larger than the caches, so nearly every lookup is a miss. All of a token's keys are found
    /// first (independent loads the processor overlaps), then the rows are added in the same order as before, so
    /// the sums are bit for bit those of a one-pass loop.
    /// </remarks>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        Span<int> rows = features.Length <= 64 ? stackalloc int[features.Length] : new int[features.Length];
        var found = Find(features, rows);
        if (_labels != Labels.Count)
        {
            foreach (var row in rows[..found])
            {
                AddRow(Weights.AsSpan(row, _labels), scores);
            }

            return;
        }

        var table = Weights.AsSpan();
        var s0 = scores[0];
        var s1 = scores[1];
        var s2 = scores[2];
        var s3 = scores[3];
        var s4 = scores[4];
        var s5 = scores[5];
        var s6 = scores[6];
        var s7 = scores[7];
        var s8 = scores[8];
        foreach (var row in rows[..found])
        {
            var w = table.Slice(row, Labels.Count);
            s0 += w[0];
            s1 += w[1];
            s2 += w[2];
            s3 += w[3];
            s4 += w[4];
            s5 += w[5];
            s6 += w[6];
            s7 += w[7];
            s8 += w[8];
        }

        scores[0] = s0;
        scores[1] = s1;
        scores[2] = s2;
        scores[3] = s3;
        scores[4] = s4;
        scores[5] = s5;
        scores[6] = s6;
        scores[7] = s7;
        scores[8] = s8;
    }

    /// <summary>The offsets in <see cref="Weights"/> of the rows of the features that have one, in feature order; returns how many.</summary>
    private int Find(ReadOnlySpan<ulong> features, Span<int> rows)
    {
        var entries = _entries;
        var found = 0;
        foreach (var f in features)
        {
            var slot = (int)(f & (ulong)_mask);
            while (true)
            {
                var key = entries[slot].Key;
                if (key == f)
                {
                    rows[found++] = entries[slot].Row;
                    break;
                }

                if (key == Empty)
                {
                    break;
                }

                slot = (slot + 1) & _mask;
            }
        }

        return found;
    }

    private static void AddRow(ReadOnlySpan<float> row, Span<float> scores)
    {
        var k = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; k + Vector<float>.Count <= row.Length; k += Vector<float>.Count)
            {
                (new Vector<float>(scores[k..]) + new Vector<float>(row[k..])).CopyTo(scores[k..]);
            }
        }

        for (; k < row.Length; k++)
        {
            scores[k] += row[k];
        }
    }

    /// <summary>A feature's hash and the offset of its row in <see cref="Weights"/>.</summary>
    private readonly record struct Entry(ulong Key, int Row);
}
