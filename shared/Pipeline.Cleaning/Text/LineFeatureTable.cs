namespace Pipeline.Cleaning.Text;

/// <summary>
/// The line model's inputs for one document: each line's own features and its window aggregates. The first pass
/// reads a line with its two neighbours either side; the second adds the first pass's probabilities around it.
/// </summary>
internal sealed class LineFeatureTable(int count)
{
    /// <summary>Neighbours read by the first pass, in weight-block order.</summary>
    public static readonly int[] Offsets = [0, -1, 1, -2, 2];

    /// <summary>Width of a first-pass row.</summary>
    public static readonly int Pass1Width = (Offsets.Length * LineFeatures.BaseWidth) + LineFeatures.ContextWidth;

    /// <summary>First-pass probabilities: the line's and its neighbours' (±1..±3), window means (2, 5, 10), maxima before and after, bins of its own.</summary>
    public const int NeighbourWidth = 27;

    /// <summary>What the first pass says of the whole page: its mean, its share of probable lines, the main block.</summary>
    public const int DocumentWidth = 8;

    /// <summary>Width of a second-pass row: the line's own features, what the first pass said around it, the page's shape and what the first pass said of the page.</summary>
    public static readonly int Pass2Width = LineFeatures.BaseWidth + NeighbourWidth + LineFeatures.PageWidth + DocumentWidth;

    public int Count { get; } = count;

    public float[] Base { get; } = new float[count * LineFeatures.BaseWidth];

    public float[] Context { get; } = new float[count * LineFeatures.ContextWidth];

    /// <summary>The page's shape (<see cref="LineFeatures.PageWidth"/>), shared by every line.</summary>
    public float[] Page { get; } = new float[LineFeatures.PageWidth];

    /// <summary>Every line's token hashes (<see cref="LineTokens"/>), one line after another.</summary>
    public ulong[] Tokens { get; private set; } = [];

    /// <summary>Where each line's tokens start in <see cref="Tokens"/>; one more entry than lines.</summary>
    public int[] TokenStarts { get; } = new int[count + 1];

    /// <summary>Line <paramref name="i"/>'s token hashes.</summary>
    public ReadOnlySpan<ulong> TokensOf(int i) => Tokens.AsSpan(TokenStarts[i], TokenStarts[i + 1] - TokenStarts[i]);

    /// <summary>Sets the lines' tokens: <paramref name="tokens"/> holds them line after line, as <see cref="TokenStarts"/> says.</summary>
    public void SetTokens(List<ulong> tokens) => Tokens = [.. tokens];

    /// <summary>Words of each line (capped as <see cref="TextUnit.Words"/>).</summary>
    public int[] Words { get; } = new int[count];

    /// <summary>Running sums of the first pass's probability times words, set by <see cref="PrepareMass"/>.</summary>
    private float[] mass = [];

    /// <summary>The first pass's page-wide figures, set by <see cref="PrepareMass"/>.</summary>
    private readonly float[] document = new float[4];

    /// <summary>The main block (first line, one past the last), set by <see cref="PrepareMass"/>.</summary>
    private int blockStart, blockEnd;

    /// <summary>The non-zero own features of each line (indices into its block), listed once on first use.</summary>
    private byte[]? nonZero;

    /// <summary>Where each line's entries start in <see cref="nonZero"/>; one more entry than lines.</summary>
    private int[]? nonZeroStart;

    /// <summary>
    /// Line <paramref name="i"/>'s first-pass score: the same products, added in the same order, as
    /// <see cref="LineModel.Dot"/> of <paramref name="w"/> with <see cref="Pass1Row"/>, without building the row.
    /// Zero features are skipped: adding w·0 leaves a sum as it was (at most the sign of a zero sum differs, which no
    /// sigmoid sees), so for finite weights the score is bit for bit the dense one. Each line's features are read by
    /// five rows (its own and its neighbours'): listing its non-zero ones once saves scanning its zeros five times.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public float Pass1Score(int i, ReadOnlySpan<float> w)
    {
        if (nonZero is null || nonZeroStart is null)
        {
            (nonZero, nonZeroStart) = ListNonZero();
        }

        const int width = LineFeatures.BaseWidth;
        float sum = 0;
        for (var o = 0; o < Offsets.Length; o++)
        {
            var j = i + Offsets[o];
            if (j < 0 || j >= Count)
            {
                continue;
            }

            var features = Base.AsSpan(j * width, width);
            var weights = w.Slice(o * width, width);
            foreach (var f in nonZero.AsSpan(nonZeroStart[j], nonZeroStart[j + 1] - nonZeroStart[j]))
            {
                sum += weights[f] * features[f];
            }
        }

        var context = Context.AsSpan(i * LineFeatures.ContextWidth, LineFeatures.ContextWidth);
        var contextWeights = w[(Offsets.Length * width)..];
        for (var k = 0; k < context.Length; k++)
        {
            if (context[k] != 0)
            {
                sum += contextWeights[k] * context[k];
            }
        }

        return sum;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private (byte[] Features, int[] Starts) ListNonZero()
    {
        var starts = new int[Count + 1];
        var features = new byte[Base.Length];
        var at = 0;
        for (var i = 0; i < Count; i++)
        {
            var line = Base.AsSpan(i * LineFeatures.BaseWidth, LineFeatures.BaseWidth);
            for (var f = 0; f < line.Length; f++)
            {
                if (line[f] != 0)
                {
                    features[at++] = (byte)f;
                }
            }

            starts[i + 1] = at;
        }

        return (features, starts);
    }

    /// <summary>Writes line <paramref name="i"/>'s first-pass row: its features, its neighbours' (zeros past the ends), its window aggregates.</summary>
    public void Pass1Row(int i, Span<float> row)
    {
        row.Clear();
        for (var o = 0; o < Offsets.Length; o++)
        {
            var j = i + Offsets[o];
            if (j >= 0 && j < Count)
            {
                Base.AsSpan(j * LineFeatures.BaseWidth, LineFeatures.BaseWidth).CopyTo(row[(o * LineFeatures.BaseWidth)..]);
            }
        }

        Context.AsSpan(i * LineFeatures.ContextWidth, LineFeatures.ContextWidth).CopyTo(row[(Offsets.Length * LineFeatures.BaseWidth)..]);
    }

    /// <summary>Writes line <paramref name="i"/>'s second-pass row from the first pass's probabilities <paramref name="p1"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void Pass2Row(int i, ReadOnlySpan<float> p1, Span<float> row)
    {
        row.Clear();
        Base.AsSpan(i * LineFeatures.BaseWidth, LineFeatures.BaseWidth).CopyTo(row);
        var r = row[LineFeatures.BaseWidth..];
        var k = 0;
        r[k++] = Logit(p1[i]);
        for (var d = 1; d <= 3; d++)
        {
            r[k++] = i - d >= 0 ? p1[i - d] : 0;
            r[k++] = i + d < Count ? p1[i + d] : 0;
            r[k++] = i - d >= 0 ? 1 : 0;
            r[k++] = i + d < Count ? 1 : 0;
        }

        foreach (var half in (ReadOnlySpan<int>)[2, 5, 10])
        {
            int from = Math.Max(0, i - half), to = Math.Min(Count, i + half + 1);
            float sum = 0;
            for (var j = from; j < to; j++)
            {
                sum += p1[j];
            }

            r[k++] = sum / (to - from);
        }

        float maxBefore = 0, maxAfter = 0;
        for (var j = Math.Max(0, i - 10); j < i; j++)
        {
            maxBefore = Math.Max(maxBefore, p1[j]);
        }

        for (var j = i + 1; j < Math.Min(Count, i + 11); j++)
        {
            maxAfter = Math.Max(maxAfter, p1[j]);
        }

        r[k++] = maxBefore;
        r[k++] = maxAfter;
        r[k++] = Math.Min(maxBefore, maxAfter);
        var bin = Math.Min(4, (int)(p1[i] * 5));
        r[k + bin] = 1;
        k += 5;

        // The main text is mostly one stretch: a line with none of it before (a header) or after (a footer) is outside.
        var total = mass[Count];
        var before = total <= 0 ? 0 : mass[i] / total;
        var after = total <= 0 ? 0 : (total - mass[i + 1]) / total;
        r[k++] = before;
        r[k++] = after;
        // Counting the line's own words: the article's first and last lines are inside it.
        r[k++] = total > 0 && Math.Min(mass[i + 1], total - mass[i]) > 0.02f * total ? 1 : 0;
        Page.CopyTo(r[k..]);
        k += Page.Length;
        document.CopyTo(r[k..]);
        k += document.Length;
        r[k++] = p1[i] - document[1];
        r[k++] = i >= blockStart && i < blockEnd ? 1 : 0;
        var distance = blockEnd == 0 ? 0 : i < blockStart ? blockStart - i : i >= blockEnd ? i - blockEnd + 1 : 0;
        r[k++] = MathF.Log(1 + distance) / 5;
        r[k] = i < blockStart ? 1 : 0;
    }

    /// <summary>
    /// Sums the first pass's probable main-text words and takes its page-wide figures: the mean probability per
    /// line and per word, the share of probable lines, and the main block (the stretch of lines whose probable words
    /// most outweigh the improbable ones) with its share of the probable words. Call before <see cref="Pass2Row"/>.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void PrepareMass(ReadOnlySpan<float> p1)
    {
        mass = new float[Count + 1];
        float lineSum = 0;
        long words = 0;
        var probable = 0;
        float run = 0, best = float.NegativeInfinity;
        var runStart = 0;
        (blockStart, blockEnd) = (0, 0);
        for (var i = 0; i < Count; i++)
        {
            mass[i + 1] = mass[i] + (p1[i] * Words[i]);
            lineSum += p1[i];
            words += Words[i];
            probable += p1[i] >= 0.5f ? 1 : 0;

            // Kadane over (p - 1/2) per word (a line without words counts as one): the best-scoring stretch.
            var gain = (p1[i] - 0.5f) * (Words[i] + 1);
            if (run <= 0)
            {
                run = 0;
                runStart = i;
            }

            run += gain;
            if (run > best)
            {
                best = run;
                (blockStart, blockEnd) = (runStart, i + 1);
            }
        }

        if (best <= 0)
        {
            (blockStart, blockEnd) = (0, 0);
        }

        var total = mass[Count];
        document[0] = Count == 0 ? 0 : lineSum / Count;
        document[1] = words == 0 ? 0 : total / words;
        document[2] = Count == 0 ? 0 : (float)probable / Count;
        document[3] = total <= 0 ? 0 : (mass[blockEnd] - mass[blockStart]) / total;
    }

    private static float Logit(float p)
    {
        var q = Math.Clamp(p, 1e-4f, 1 - 1e-4f);
        return MathF.Log(q / (1 - q)) / 4;
    }
}
