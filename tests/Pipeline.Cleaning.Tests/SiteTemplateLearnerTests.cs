using System.Text;

namespace Pipeline.Cleaning.Tests;

public sealed class SiteTemplateLearnerTests
{
    private static readonly DocumentCleaner Cleaner = new();

    private const string Footer = "Larkfield Gazette is an independent weekly paper owned by its readers.";

    private static readonly string[] Stories =
    [
        "Frost on the mill pond came three weeks early, and the parish volunteer blamed the clear and windless nights.",
        "The bakery on Quay Street reopened after the winter repairs, with the old brick oven rebuilt by hand.",
        "Forty boats left the harbour before dawn on Tuesday, the busiest morning since the new quay was finished.",
        "The school choir raised enough at the autumn concert to replace the hall piano, which had been tuned for the last time in 1987.",
        "Storm drains on the high street were fitted with filters, and the river below the weir is clearer for it.",
        "A pair of otters has been filmed under the footbridge, the first confirmed sighting in the valley for a decade.",
    ];

    private static CleaningResult Story(int i) =>
        Cleaner.Clean(new CleaningInput(Encoding.UTF8.GetBytes($"Village news {i}\n\n{Stories[i]}\n\n{Footer}"), $"story{i}.txt"));

    [Fact]
    public void A_line_is_template_once_it_recurs_in_most_documents_since_it_was_first_seen()
    {
        var learner = new SiteTemplateLearner(minDocuments: 5, minShare: 0.6);

        Assert.False(learner.IsTemplate(documents: 4, count: 4, firstSeen: 1));
        Assert.True(learner.IsTemplate(documents: 5, count: 5, firstSeen: 1));
        Assert.True(learner.IsTemplate(documents: 10, count: 6, firstSeen: 1));
        Assert.False(learner.IsTemplate(documents: 10, count: 5, firstSeen: 1));

        // A line new with a redesign is judged on the documents since, not drowned by the site's history.
        Assert.True(learner.IsTemplate(documents: 1_000, count: 5, firstSeen: 996));
        Assert.False(learner.IsTemplate(documents: 1_000, count: 4, firstSeen: 997));
    }

    [Fact]
    public void Removes_the_template_lines_and_lists_them_as_template()
    {
        var story = Story(5);
        var footer = SiteTemplateLearner.Hash(Footer);

        var result = SiteTemplateLearner.Apply(story, h => h == footer);

        Assert.DoesNotContain(Footer, result.Text, StringComparison.Ordinal);
        Assert.Contains(Stories[5], result.Text, StringComparison.Ordinal);
        Assert.Contains(result.Removed, b => b.Kind == BoilerplateKinds.SiteTemplate && b.Text == Footer);
        Assert.Equal("template", BoilerplateKinds.SiteTemplate);
    }

    [Fact]
    public void Never_empties_a_document_made_of_what_its_site_repeats()
    {
        var story = Story(0);

        var result = SiteTemplateLearner.Apply(story, _ => true);

        Assert.Same(story, result);
    }

    [Fact]
    public void Line_hashes_are_distinct_ignore_case_and_spacing_and_skip_long_prose()
    {
        var prose = string.Join(' ', Enumerable.Repeat("A long paragraph of prose that a site would never repeat word for word.", 8));
        var hashes = SiteTemplateLearner.LineHashes($"Subscribe  to our NEWSLETTER\nsubscribe to our newsletter\n\n{prose}\nContact us");

        Assert.Equal([SiteTemplateLearner.Hash("subscribe to our newsletter"), SiteTemplateLearner.Hash("Contact us")], hashes);
        Assert.NotEqual(SiteTemplateLearner.Hash("Contact us"), SiteTemplateLearner.Hash("Contact me"));
    }
}
