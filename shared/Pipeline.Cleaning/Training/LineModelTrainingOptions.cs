namespace Pipeline.Cleaning.Training;

/// <summary>What <see cref="LineModelTrainer"/> trains on and where it writes.</summary>
public sealed class LineModelTrainingOptions
{
    /// <summary>The WCXB-layout folder (<c>html/</c>, <c>ground-truth/</c>).</summary>
    public required string DatasetDirectory { get; init; }

    /// <summary>Where the weights are written.</summary>
    public required string OutputPath { get; init; }

    /// <summary>Where the Debian renderers' dumps are cached (outside the repository).</summary>
    public string CacheDirectory { get; init; } = Evaluation.TextRenderer.DefaultCacheDirectory;

    /// <summary>The renderers each training page is dumped with.</summary>
    public IReadOnlyList<string> Renderers { get; init; } = Evaluation.TextRenderer.Names;

    /// <summary>Train on at most this many pages of the training split (all when null).</summary>
    public int? Limit { get; init; }

    /// <summary>Passes over the lines for each of the two stages.</summary>
    public int Epochs { get; init; } = 3;

    /// <summary>Boosted trees fitted after the linear stages (0 for none).</summary>
    public int Trees { get; init; } = 60;

    /// <summary>Depth of each tree.</summary>
    public int TreeDepth { get; init; } = 5;

    /// <summary>Rows the trees are fitted on at most (every n-th line): histogram passes cost rows times features.</summary>
    public int TreeRows { get; init; } = 250_000;

    /// <summary>Seed of the example order.</summary>
    public int Seed { get; init; } = 11;

    /// <summary>Progress lines; none when null.</summary>
    public TextWriter? Log { get; init; }
}
