namespace Pipeline.Cleaning.Training;

/// <summary>
/// Weighted logistic regression trained by AdaGrad over examples in a seeded shuffled order: single-threaded and
/// summed in a fixed order, so the same data gives the same weights to the bit.
/// </summary>
internal sealed class LogisticRegression(int width, float rate = 0.05f, float l2 = 1e-6f)
{
    private readonly float[] squares = new float[width];

    public float[] Weights { get; } = new float[width];

    /// <summary>One pass over <paramref name="count"/> examples in <paramref name="order"/>; <paramref name="fill"/> writes an example's row and returns its label and weight.</summary>
    public double Epoch(int[] order, int count, Func<int, float[], (float Label, float Weight)> fill)
    {
        var row = new float[width];
        double loss = 0, total = 0;
        for (var n = 0; n < count; n++)
        {
            var (label, weight) = fill(order[n], row);
            var p = Text.LineModel.Sigmoid(Text.LineModel.Dot(Weights, row));
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
