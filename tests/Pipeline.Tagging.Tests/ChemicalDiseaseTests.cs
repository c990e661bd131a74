namespace Pipeline.Tagging.Tests;

public sealed class ChemicalDiseaseTests
{
    private static readonly EntityTagger Tagger = EntityTagger.LoadDefault();

    [Fact]
    public void Tags_drugs_and_diseases_with_lexicon_canonical_names_and_ids()
    {
        var entities = Tagger.Tag("Ketamine relieved pain in patients with fibromyalgia, but ketamine's side effects included nausea.");
        var drug = TaggerAssert.Single(entities, EntityTypes.Chemical, "Ketamine");
        Assert.Equal("ketamine", drug.Canonical);
        Assert.Equal("DB01221", drug.Id);
        var possessive = TaggerAssert.Single(entities, EntityTypes.Chemical, "ketamine");
        Assert.Equal("ketamine", possessive.Canonical);
        var disease = TaggerAssert.Single(entities, EntityTypes.Disease, "fibromyalgia");
        Assert.Equal("DOID:631", disease.Id);
        TaggerAssert.Single(entities, EntityTypes.Disease, "nausea");
    }

    [Fact]
    public void Gives_a_defined_abbreviation_its_long_form_as_canonical_name()
    {
        var entities = Tagger.Tag("Patients with complex regional pain syndrome (CRPS) received infusions. In CRPS, pain spreads.");
        TaggerAssert.Single(entities, EntityTypes.Disease, "complex regional pain syndrome");
        var abbreviations = entities.Where(e => e.Text == "CRPS").ToList();
        Assert.Equal(2, abbreviations.Count);
        Assert.All(abbreviations, a =>
        {
            Assert.Equal(EntityTypes.Disease, a.Type);
            Assert.Equal("complex regional pain syndrome", a.Canonical);
            Assert.Equal("DOID:3223", a.Id);
        });
    }

    [Fact]
    public void Tags_brand_names_and_neurotransmitters_as_chemicals()
    {
        var entities = Tagger.Tag("Spravato is a nasal spray of esketamine that acts on glutamate and dopamine signalling.");
        Assert.Equal("esketamine", TaggerAssert.Single(entities, EntityTypes.Chemical, "Spravato").Canonical);
        TaggerAssert.Single(entities, EntityTypes.Chemical, "esketamine");
        TaggerAssert.Single(entities, EntityTypes.Chemical, "glutamate");
        TaggerAssert.Single(entities, EntityTypes.Chemical, "dopamine");
    }

    [Fact]
    public void Tags_a_drug_inside_a_hyphenated_adjective_with_exact_offsets()
    {
        const string text = "We report haloperidol-induced dystonia in two adolescents.";
        var entities = Tagger.Tag(text);
        var drug = TaggerAssert.Single(entities, EntityTypes.Chemical, "haloperidol");
        Assert.Equal(text.IndexOf("haloperidol", StringComparison.Ordinal), drug.Start);
        TaggerAssert.Single(entities, EntityTypes.Disease, "dystonia");
    }

    [Fact]
    public void Does_not_tag_an_abbreviation_whose_long_form_is_no_entity()
    {
        var entities = Tagger.Tag("Hormone therapy (HT) is widely used. Long-term HT increased the risk of venous thromboembolism.");
        Assert.DoesNotContain(entities, e => e.Text == "HT" && e.Type is EntityTypes.Disease or EntityTypes.Chemical);
        TaggerAssert.Single(entities, EntityTypes.Disease, "venous thromboembolism");
    }

    [Fact]
    public void Canonical_names_of_unknown_mentions_are_lower_case_surface_forms()
    {
        var entities = Tagger.Tag("Severe Hepatotoxicity followed the overdose.");
        var e = entities.First(x => x.Type == EntityTypes.Disease);
        Assert.Equal(e.Text.ToLowerInvariant(), e.Canonical);
    }

    [Fact]
    public void Entity_keys_are_distinct_type_and_canonical_pairs_in_order()
    {
        var keys = EntityKeys.For(Tagger.Tag("Ketamine eased fibromyalgia; ketamine's effect on Fibromyalgia lasted."));
        Assert.Equal(["Chemical:ketamine", "Disease:fibromyalgia"], keys);
    }
}
