using Pipeline.Tagging.Model;
using Pipeline.Tagging.Rules;

namespace Pipeline.Tagging.Tests;

/// <summary>Dates and quantities with canonical values, composite mentions, singular canonical keys.</summary>
public sealed class ValueAndCompositeTests
{
    private static readonly EntityTagger Tagger = EntityTagger.LoadDefault();

    [Theory]
    [InlineData("In a 2007 French study the effect was small.", "2007", "2007")]
    [InlineData("The 2000 Danish study found more.", "2000", "2000")]
    [InlineData("A 2000 Danish study found more.", "2000", "2000")]
    [InlineData("It was approved on March 2, 2022 in Europe.", "March 2, 2022", "2022-03-02")]
    [InlineData("It was approved in March 2022 in Europe.", "March 2022", "2022-03")]
    [InlineData("Use rose in the 1960s and since 2019.", "1960s", "1960s")]
    [InlineData("Visit on 2021-11-05 please.", "2021-11-05", "2021-11-05")]
    public void Finds_years_in_context_and_dates_with_iso_canonical_values(string text, string surface, string canonical)
    {
        var date = TaggerAssert.Single(Tagger.Tag(text), EntityTypes.Date, surface);
        Assert.Equal(canonical, date.Canonical);
    }

    [Theory]
    [InlineData("Patients had 30-minute sessions.", "30-minute", "30 minute")]
    [InlineData("They were treated for six weeks.", "six weeks", "6 week")]
    [InlineData("The infusion cost $8,000 in total.", "$8,000", "8000 USD")]
    [InlineData("The fund holds EUR 5 million now.", "EUR 5 million", "5000000 EUR")]
    [InlineData("It affects 2-4% of people.", "2-4%", "2-4 %")]
    [InlineData("About 50% improved.", "50%", "50 %")]
    [InlineData("They gave 0.5 mg/kg over 40 minutes.", "0.5 mg/kg", "0.5 mg/kg")]
    public void Finds_durations_money_and_percentages_with_a_number_and_unit_as_canonical(string text, string surface, string canonical)
    {
        var quantity = TaggerAssert.Single(Tagger.Tag(text), EntityTypes.Quantity, surface);
        Assert.Equal(canonical, quantity.Canonical);
    }

    [Fact]
    public void A_count_of_patients_is_no_year() =>
        Assert.DoesNotContain(Tagger.Tag("We enrolled 1962 patients in the study."), e => e.Type == EntityTypes.Date);

    [Fact]
    public void A_slash_composite_disease_is_one_mention()
    {
        var entities = Tagger.Tag("Ketamine may help in fibromyalgia and ME/CFS, and ME/CFS patients agree.");
        var composites = entities.Where(e => e.Text == "ME/CFS").ToList();
        Assert.Equal(2, composites.Count);
        Assert.All(composites, e => Assert.Equal(EntityTypes.Disease, e.Type));
        Assert.DoesNotContain(entities, e => e.Text == "CFS");
    }

    [Fact]
    public void A_street_name_is_whole_or_nothing_never_its_last_letter_alone()
    {
        var entities = Tagger.Tag("Ketamine, sold on the street as Special K, treats depression. Vitamin K helps clotting.");
        Assert.DoesNotContain(entities, e => e.Text == "K" && e.Type == EntityTypes.Chemical);
        TaggerAssert.Single(entities, EntityTypes.Chemical, "Vitamin K");
    }

    [Theory]
    [InlineData("antidepressants", "antidepressant")]
    [InlineData("sleep therapies", "sleep therapy")]
    [InlineData("glasses", "glass")]
    [InlineData("diabetes", "diabetes")]
    [InlineData("arthritis", "arthritis")]
    [InlineData("stress", "stress")]
    [InlineData("herpes", "herpes")]
    public void Canonical_keys_of_unknown_names_are_singular(string canonical, string key) =>
        Assert.Equal(key, MentionResolver.Singular(canonical));

    [Fact]
    public void Value_normalisation_knows_nothing_rather_than_guessing() =>
        Assert.Null(ValueNormalizer.Quantity("several"));
}
