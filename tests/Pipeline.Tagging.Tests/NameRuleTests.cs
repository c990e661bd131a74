namespace Pipeline.Tagging.Tests;

public sealed class NameRuleTests
{
    private static readonly EntityTagger Tagger = EntityTagger.LoadDefault();

    [Fact]
    public void Finds_people_after_titles_and_before_degrees()
    {
        var entities = Tagger.Tag("We spoke with Dr. Maria Okafor about it. Tom Reyes, MD, disagreed. Michael Chen agreed.");
        TaggerAssert.Single(entities, EntityTypes.Person, "Maria Okafor");
        TaggerAssert.Single(entities, EntityTypes.Person, "Tom Reyes");
        TaggerAssert.Single(entities, EntityTypes.Person, "Michael Chen");
    }

    [Fact]
    public void Finds_organisations_by_their_suffix_and_their_defined_acronyms()
    {
        var entities = Tagger.Tag("The Northside Pain Relief Institute joined the National Sleep Research Council (NSRC) last year. The NSRC agreed.");
        TaggerAssert.Single(entities, EntityTypes.Organization, "Northside Pain Relief Institute");
        TaggerAssert.Single(entities, EntityTypes.Organization, "National Sleep Research Council");
        var acronyms = entities.Where(e => e.Type == EntityTypes.Organization && e.Text == "NSRC").ToList();
        Assert.Equal(2, acronyms.Count);
        Assert.All(acronyms, a => Assert.Equal("National Sleep Research Council", a.Canonical));
    }

    [Fact]
    public void Finds_well_known_agencies_by_acronym() =>
        TaggerAssert.Single(Tagger.Tag("The drug was approved by the FDA in spring."), EntityTypes.Organization, "FDA");

    [Fact]
    public void Finds_places_from_gazetteers_city_state_pairs_and_after_in()
    {
        var entities = Tagger.Tag("Clinics in Ohio and Portugal opened. Our office in Boca Raton, FL is new. She trained in Tallinnburg last spring.");
        TaggerAssert.Single(entities, EntityTypes.Location, "Ohio");
        TaggerAssert.Single(entities, EntityTypes.Location, "Portugal");
        TaggerAssert.Single(entities, EntityTypes.Location, "Boca Raton, FL");
        TaggerAssert.Single(entities, EntityTypes.Location, "Tallinnburg");
    }

    [Fact]
    public void Does_not_take_a_disease_after_in_for_a_place() =>
        TaggerAssert.None(Tagger.Tag("Pain is common in Fibromyalgia and in Migraine."), EntityTypes.Location, "Fibromyalgia");

    [Fact]
    public void Finds_journals_by_title_words_and_after_the_word_journal()
    {
        var entities = Tagger.Tag("A trial in the Journal of Sleep Medicine Studies and one in the journal Chronic Care Letters agreed with The Lancet.");
        TaggerAssert.Single(entities, EntityTypes.Publication, "Journal of Sleep Medicine Studies");
        TaggerAssert.Single(entities, EntityTypes.Publication, "Chronic Care Letters");
        TaggerAssert.Single(entities, EntityTypes.Publication, "The Lancet");
    }
}
