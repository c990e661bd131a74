namespace Pipeline.Cleaning.Training;

/// <summary>
/// Weighted logistic regression trained by AdaGrad over examples in a seeded shuffled order: single-threaded and
/// summed in a fixed order, so the same data gives the same weights to the bit. Besides the dense row, an example
/// may name columns of a sparse block (the lexicon's tokens) whose value is 1.
/// </summary>
internal sealed class LogisticRegression(int width, int sparseWidth = 0, float rate = 0.05f, float l2 = 1e-6f)
{
    private readonly float[] squares = new float[width];
    private readonly float[] sparseSquares = new float[sparseWidth];

    public float[] Weights { get; } = new float[width];

    /// <summary>Weights of the sparse block.</summary>
    public float[] SparseWeights { get; } = new float[sparseWidth];

    /// <summary>
    /// One pass over <paramref name="count"/> examples in <paramref name="order"/>; <paramref name="fill"/> writes an
    /// example's row and its sparse columns (into an emptied list) and returns its label and weight.
    /// </summary>
    public double Epoch(int[] order, int count, Func<int, float[], List<int>, (float Label, float Weight)> fill)
    {
        var row = new float[width];
        var sparse = new List<int>();
        double loss = 0, total = 0;
        for (var n = 0; n < count; n++)
        {
            sparse.Clear();
            var (label, weight) = fill(order[n], row, sparse);
            float sparseSum = 0;
            foreach (var k in sparse)
            {
                sparseSum += SparseWeights[k];
            }

            var p = Text.LineModel.Sigmoid(Text.LineModel.Dot(Weights, row) + sparseSum);
            loss -= weight * Math.Log(label > 0.5f ? Math.Max(p, 1e-7) : Math.Max(1 - p, 1e-7));
            total += weight;
            var g = (p - label) * weight;
            for (var j = 0; j < width; j++)
            {
                var x = row[j];
                if (x == 0)
                {
                    continue;
                }

                var grad = (g * x) + (l2 * Weights[j]);
                squares[j] += grad * grad;
                Weights[j] -= rate * grad / MathF.Sqrt(squares[j] + 1e-8f);
            }

            foreach (var k in sparse)
            {
                var grad = g + (l2 * SparseWeights[k]);
                sparseSquares[k] += grad * grad;
                SparseWeights[k] -= rate * grad / MathF.Sqrt(sparseSquares[k] + 1e-8f);
            }
        }

        return total == 0 ? 0 : loss / total;
    }

    /// <summary>Fisher-Yates with a seeded generator: the same permutation on every run.</summary>
    public static void Shuffle(int[] order, Random random)
    {
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
    }
}
