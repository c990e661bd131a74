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
    public void Removes_a_line_that_recurs_across_a_sites_documents()
    {
        var learner = new SiteTemplateLearner(minDocuments: 5);
        for (var i = 0; i < 5; i++)
        {
            learner.Observe("gazette.example", Story(i));
        }

        var result = learner.Apply("gazette.example", Story(5));
        Assert.DoesNotContain(Footer, result.Text, StringComparison.Ordinal);
        Assert.Contains(Stories[5], result.Text, StringComparison.Ordinal);
        Assert.Contains(result.Removed, b => b.Kind == BoilerplateKinds.SiteTemplate && b.Text == Footer);
    }

    [Fact]
    public void Removes_nothing_before_it_has_seen_enough_documents()
    {
        var learner = new SiteTemplateLearner(minDocuments: 5);
        for (var i = 0; i < 4; i++)
        {
            learner.Observe("gazette.example", Story(i));
        }

        Assert.Contains(Footer, learner.Apply("gazette.example", Story(5)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Keeps_sites_apart()
    {
        var learner = new SiteTemplateLearner(minDocuments: 5);
        for (var i = 0; i < 5; i++)
        {
            learner.Observe("gazette.example", Story(i));
        }

        Assert.Contains(Footer, learner.Apply("other.example", Story(5)).Text, StringComparison.Ordinal);
    }
}
