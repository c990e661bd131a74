namespace Pipeline.Tagging.Lexicons;

/// <summary>
/// Everyday health words that the vocabularies lack or list only under a clinical name ("depression" is
/// "depressive disorder" in the Disease Ontology). Each maps to a vocabulary name when one fits, so the
/// canonical name and id come from the vocabulary.
/// </summary>
internal static class LayTerms
{
    private static readonly Lazy<Lexicon> CuratedLexicon = new(BuildCurated);

    /// <summary>These terms alone, for tagging everyday names the model leaves out.</summary>
    public static Lexicon Curated => CuratedLexicon.Value;

    public static readonly (string Term, LexiconType Type, string? Vocabulary)[] All =
    [
        ("depression", LexiconType.Disease, "depressive disorder"),
        ("anxiety", LexiconType.Disease, "anxiety disorder"),
        ("chronic pain", LexiconType.Disease, null),
        ("pain", LexiconType.Disease, null),
        ("musculoskeletal pain", LexiconType.Disease, null),
        ("neuropathic pain", LexiconType.Disease, null),
        ("fatigue", LexiconType.Disease, null),
        ("nausea", LexiconType.Disease, null),
        ("vomiting", LexiconType.Disease, null),
        ("dizziness", LexiconType.Disease, null),
        ("headache", LexiconType.Disease, null),
        ("headaches", LexiconType.Disease, "headache"),
        ("hallucinations", LexiconType.Disease, "hallucination"),
        ("hallucination", LexiconType.Disease, null),
        ("psychosis", LexiconType.Disease, "psychotic disorder"),
        ("addiction", LexiconType.Disease, "substance-related disorder"),
        ("substance abuse", LexiconType.Disease, "substance abuse"),
        ("insomnia", LexiconType.Disease, null),
        ("sleep disturbances", LexiconType.Disease, "sleep disorder"),
        ("sleep disturbance", LexiconType.Disease, "sleep disorder"),
        ("sleep disorders", LexiconType.Disease, "sleep disorder"),
        ("fibro fog", LexiconType.Disease, null),
        ("brain fog", LexiconType.Disease, null),
        ("restless legs", LexiconType.Disease, "restless legs syndrome"),
        ("me/cfs", LexiconType.Disease, "chronic fatigue syndrome"),
        ("cfs", LexiconType.Disease, "chronic fatigue syndrome"),
        ("myalgic encephalomyelitis", LexiconType.Disease, "chronic fatigue syndrome"),
        ("crps", LexiconType.Disease, "complex regional pain syndrome"),
        ("ptsd", LexiconType.Disease, "post-traumatic stress disorder"),
        ("ocd", LexiconType.Disease, "obsessive-compulsive disorder"),
        ("adhd", LexiconType.Disease, "attention deficit hyperactivity disorder"),
        ("copd", LexiconType.Disease, "chronic obstructive pulmonary disease"),
        ("cognitive impairment", LexiconType.Disease, null),
        ("cognitive impairments", LexiconType.Disease, "cognitive impairment"),
        ("suicidal ideation", LexiconType.Disease, null),
        ("inflammation", LexiconType.Disease, null),
        ("stiffness", LexiconType.Disease, null),
        ("numbness", LexiconType.Disease, null),
        ("tingling", LexiconType.Disease, null),
        ("infectious illnesses", LexiconType.Disease, "infectious disease"),
        ("infections", LexiconType.Disease, "infectious disease"),
        ("mental illness", LexiconType.Disease, "disease of mental health"),
        ("heart disease", LexiconType.Disease, null),
        ("high blood pressure", LexiconType.Disease, "hypertension"),
        ("glutamate", LexiconType.Chemical, "glutamic acid"),
        ("gaba", LexiconType.Chemical, "gamma-aminobutyric acid"),
        ("n-methyl-d-aspartate", LexiconType.Chemical, null),
        ("nmda", LexiconType.Chemical, "n-methyl-d-aspartate"),
        ("spravato", LexiconType.Chemical, "esketamine"),
        ("opioids", LexiconType.Chemical, "opioid"),
        ("opioid", LexiconType.Chemical, null),
        ("opiates", LexiconType.Chemical, "opiate"),
        ("opiate", LexiconType.Chemical, null),
        ("cannabis", LexiconType.Chemical, null),
        ("cbd", LexiconType.Chemical, "cannabidiol"),
        ("thc", LexiconType.Chemical, "dronabinol"),
        ("caffeine", LexiconType.Chemical, null),
        ("nicotine", LexiconType.Chemical, null),
        ("endorphins", LexiconType.Chemical, "endorphin"),
        ("cortisol", LexiconType.Chemical, "hydrocortisone"),
        ("ssris", LexiconType.Chemical, "selective serotonin reuptake inhibitor"),
        ("nsaids", LexiconType.Chemical, "nonsteroidal anti-inflammatory drug"),
    ];

    private static Lexicon BuildCurated()
    {
        var lexicon = new Lexicon();
        foreach (var (term, type, _) in All)
        {
            lexicon.AddTerm(term, lexicon.AddEntry(new LexiconEntry(type, term, null)));
        }

        return lexicon;
    }
}
