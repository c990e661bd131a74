namespace Pipeline.Tagging;

/// <summary>Settings for <see cref="TaggerTraining.Train"/>.</summary>
public sealed record TrainingOptions
{
    /// <summary>The data folder holding <c>bc5cdr/</c>, <c>ncbi-disease/</c> and <c>lexicons/</c>.</summary>
    public string DataDirectory { get; init; } = Path.Combine("..", "shared", "datasets");

    /// <summary>Where the model file is written.</summary>
    public string OutputPath { get; init; } = "tagger.model";

    /// <summary>Also train on the BC5CDR development set (for the shipped model; never for evaluation on it).</summary>
    public bool IncludeDevelopment { get; init; }

    /// <summary>Default passes for the general-domain names model.</summary>
    public const int NameEpochs = 20;

    /// <summary>Passes over the training data.</summary>
    public int Epochs { get; init; } = 16;

    /// <summary>Seed of the deterministic shuffle between passes.</summary>
    public int Seed { get; init; } = 17;

    /// <summary>Use only the first N training documents (quick models for tests).</summary>
    public int? DocumentLimit { get; init; }

    /// <summary>Features whose averaged weights all stay below this are dropped from the model file.</summary>
    public float PruneBelow { get; init; } = 0.05f;

    /// <summary>
    /// Add the stacked second pass (document-level consistency from cross-validated first-pass labels).
    /// Training takes about six times longer.
    /// </summary>
    public bool Stacked { get; init; } = true;

    /// <summary>Add the disease names annotated in the NCBI disease corpus to the seen-name gazetteer feature.</summary>
    public bool IncludeNcbiDiseaseNames { get; init; }

    /// <summary>Number of differently shuffled first-pass models whose weights are averaged.</summary>
    public int Ensemble { get; init; } = 1;

    /// <summary>Debian iso-codes JSON folder (ISO 3166 countries and subdivisions for the general-domain gazetteer).</summary>
    public string IsoCodesDirectory { get; init; } = "/usr/share/iso-codes/json";

    /// <summary>Progress lines (one per pass), or null for none.</summary>
    public TextWriter? Log { get; init; }
}
