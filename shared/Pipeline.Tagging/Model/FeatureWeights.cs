namespace Pipeline.Tagging.Model;

/// <summary>
/// Feature hash to weight-row table (open addressing, power-of-two size). Read-only after construction, so
/// many threads can score at once.
/// </summary>
internal sealed class FeatureWeights
{
    private readonly ulong[] _keys;
    private readonly int[] _rows;
    private readonly int _mask;

    public FeatureWeights(ulong[] features, float[] weights)
    {
        if (weights.Length != features.Length * Labels.Count)
        {
            throw new ArgumentException("Weights must hold one row per feature.", nameof(weights));
        }

        Features = features;
        Weights = weights;
        var size = 1;
        while (size < features.Length * 2 + 2)
        {
            size <<= 1;
        }

        _keys = new ulong[size];
        _rows = new int[size];
        _mask = size - 1;
        for (var i = 0; i < features.Length; i++)
        {
            var slot = (int)(features[i] & (ulong)_mask);
            while (_rows[slot] != 0)
            {
                slot = (slot + 1) & _mask;
            }

            _keys[slot] = features[i];
            _rows[slot] = i + 1;
        }
    }

    public ulong[] Features { get; }

    public float[] Weights { get; }

    public int Count => Features.Length;

    /// <summary>Adds the weight rows of the given features into <paramref name="scores"/>.</summary>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        var weights = Weights.AsSpan();
        foreach (var f in features)
        {
            var slot = (int)(f & (ulong)_mask);
            while (true)
            {
                var row = _rows[slot];
                if (row == 0)
                {
                    break;
                }

                if (_keys[slot] == f)
                {
                    var w = weights.Slice((row - 1) * Labels.Count, Labels.Count);
                    for (var y = 0; y < Labels.Count; y++)
                    {
                        scores[y] += w[y];
                    }

                    break;
                }

                slot = (slot + 1) & _mask;
            }
        }
    }
}
