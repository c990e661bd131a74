namespace Pipeline.Tagging.Tests;

public sealed class PatternRuleTests
{
    private static readonly EntityTagger Tagger = EntityTagger.LoadDefault();

    [Theory]
    [InlineData("See https://example.org/a/b?x=1 for details.", "https://example.org/a/b?x=1")]
    [InlineData("Visit www.painclinic.com.", "www.painclinic.com")]
    [InlineData("Read more at [the site](https://www.afsafund.org) today", "https://www.afsafund.org")]
    [InlineData("Photo by example-news.org", "example-news.org")]
    public void Finds_urls_without_trailing_punctuation(string text, string url) =>
        TaggerAssert.Single(Tagger.Tag(text), EntityTypes.Url, url);

    [Theory]
    [InlineData("Write to jane.roe+news@clinic.example.com now.", "jane.roe+news@clinic.example.com")]
    [InlineData("Contact: info@afsa.org", "info@afsa.org")]
    public void Finds_email_addresses(string text, string email)
    {
        var entities = Tagger.Tag(text);
        TaggerAssert.Single(entities, EntityTypes.Email, email);
        TaggerAssert.None(entities, EntityTypes.Url, "afsa.org");
    }

    [Theory]
    [InlineData("Call +389 555.865.6819 today", "+389 555.865.6819")]
    [InlineData("Call +44 20 7946 0958 today", "+44 20 7946 0958")]
    [InlineData("Call +33 1 42 68 53 00 today", "+33 1 42 68 53 00")]
    [InlineData("Call (561) 555-0123 today", "(561) 555-0123")]
    [InlineData("Call 1-800-555-0199 today", "1-800-555-0199")]
    [InlineData("Call 561.555.0123 today", "561.555.0123")]
    [InlineData("Ring 020 7946 0958 today", "020 7946 0958")]
    [InlineData("Call +49 (0)30 1234567 today", "+49 (0)30 1234567")]
    [InlineData("Call +91-98765-43210 today", "+91-98765-43210")]
    [InlineData("Call 0044 20 7946 0958 today", "0044 20 7946 0958")]
    [InlineData("Call +81 3-1234-5678 today", "+81 3-1234-5678")]
    [InlineData("Text 07700 900123 today", "07700 900123")]
    public void Finds_national_and_international_phone_numbers(string text, string phone) =>
        TaggerAssert.Single(Tagger.Tag(text), EntityTypes.Phone, phone);

    [Theory]
    [InlineData("Doses of 10 mg/kg in 2004-2010 trials")]
    [InlineData("from 10(-8) to 10(-5) M")]
    [InlineData("Between 1998 and 2002 we enrolled patients")]
    public void Does_not_take_doses_ranges_or_years_for_phone_numbers(string text) =>
        Assert.DoesNotContain(Tagger.Tag(text), e => e.Type == EntityTypes.Phone);

    [Theory]
    [InlineData("Posted Mar 02, 2022 by staff", "Mar 02, 2022")]
    [InlineData("On 3 March 2021 we met", "3 March 2021")]
    [InlineData("Updated January 2020.", "January 2020")]
    [InlineData("Released 2023-11-05 worldwide", "2023-11-05")]
    [InlineData("It was first made in the 1960s as a drug", "1960s")]
    [InlineData("First discovered in 1962, it spread", "1962")]
    public void Finds_dates(string text, string date) =>
        TaggerAssert.Single(Tagger.Tag(text), EntityTypes.Date, date);

    [Fact]
    public void Does_not_take_a_count_for_a_year() =>
        Assert.DoesNotContain(Tagger.Tag("We enrolled 1962 patients"), e => e.Type == EntityTypes.Date);

    [Theory]
    [InlineData("It affects approximately 2-4% of people", "2-4%")]
    [InlineData("About 4 million adults have it", "4 million adults")]
    [InlineData("a six-week program", "six-week")]
    [InlineData("relief for up to six months after", "six months")]
    [InlineData("given 5 to 20 mg/kg daily", "5 to 20 mg/kg")]
    [InlineData("a 45-year-old woman", "45-year-old")]
    [InlineData("it took 3.5 hours", "3.5 hours")]
    public void Finds_percentages_durations_ages_counts_and_doses(string text, string quantity) =>
        TaggerAssert.Single(Tagger.Tag(text), EntityTypes.Quantity, quantity);
}
