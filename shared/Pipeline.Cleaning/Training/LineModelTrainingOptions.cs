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

    /// <summary>
    /// How far each dump's lines are reweighted towards every dump weighing the same (0: every line by its words
    /// alone; 1: every dump equal, as the mean page F1 counts them).
    /// </summary>
    public float PageBalance { get; init; }

    /// <summary>A token enters the first pass's lexicon when it is on at least this many training pages (0: no lexicon).</summary>
    public int LexiconMinPages { get; init; } = 20;

    /// <summary>Shrinkage of each tree's leaves.</summary>
    public float TreeRate { get; init; } = 0.2f;

    /// <summary>Each tree is grown on this share of the rows and of the features (1 for all of them).</summary>
    public float TreeSample { get; init; } = 1;

    /// <summary>Rows the trees are fitted on at most (every n-th line): histogram passes cost rows times features.</summary>
    public int TreeRows { get; init; } = 250_000;

    /// <summary>Seed of the example order.</summary>
    public int Seed { get; init; } = 11;

    /// <summary>Progress lines; none when null.</summary>
    public TextWriter? Log { get; init; }
}
