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
    public void Finds_places_from_gazetteers_and_after_in_with_a_city_and_its_state_as_two_places()
    {
        var entities = Tagger.Tag("Clinics in Ohio and Portugal opened. Our office in Boca Raton, FL is new. She trained in Tallinnburg last spring.");
        TaggerAssert.Single(entities, EntityTypes.Location, "Ohio");
        TaggerAssert.Single(entities, EntityTypes.Location, "Portugal");
        TaggerAssert.Single(entities, EntityTypes.Location, "Boca Raton");
        TaggerAssert.Single(entities, EntityTypes.Location, "FL");
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

    [Fact]
    public void Tags_a_later_surname_alone_as_the_same_person()
    {
        var entities = Tagger.Tag("Dr. Jay Goldstein treated patients. Goldstein later retired.");
        var later = entities.Last(e => e.Type == EntityTypes.Person);
        Assert.Equal("Goldstein", later.Text);
        Assert.Equal("Jay Goldstein", later.Canonical);
    }

    [Fact]
    public void A_known_acronym_defined_in_the_text_takes_its_long_form_as_canonical_name()
    {
        var entities = Tagger.Tag("According to the Centers for Disease Control and Prevention (CDC), rates rose. The CDC said so.");
        TaggerAssert.Single(entities, EntityTypes.Organization, "Centers for Disease Control and Prevention");
        Assert.All(entities.Where(e => e.Text == "CDC"), e => Assert.Equal("Centers for Disease Control and Prevention", e.Canonical));
        Assert.Equal(2, entities.Count(e => e.Text == "CDC"));
    }

    [Fact]
    public void A_title_case_heading_is_not_an_organisation() =>
        Assert.DoesNotContain(Tagger.Tag("Consulting Healthcare Professionals and Further Resources\nAsk your doctor."), e => e.Type == EntityTypes.Organization);

    [Fact]
    public void A_publisher_before_a_city_is_no_place_and_a_city_and_its_region_are_two_places()
    {
        var entities = Tagger.Tag("The book came from New Prairie Press, Manhattan and sold well in Denver, Colorado.");
        TaggerAssert.None(entities, EntityTypes.Location, "Prairie");
        TaggerAssert.Single(entities, EntityTypes.Location, "Manhattan");
        TaggerAssert.Single(entities, EntityTypes.Location, "Denver");
        TaggerAssert.Single(entities, EntityTypes.Location, "Colorado");
    }
}
