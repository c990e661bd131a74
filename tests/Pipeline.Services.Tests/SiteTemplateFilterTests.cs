using System.Text;
using MassTransit;
using Pipeline.Cleaner;
using Pipeline.Cleaning;
using Pipeline.Contracts;

namespace Pipeline.Services.Tests;

public sealed class SiteTemplateFilterTests : IDisposable
{
    private const string Header = "The Larkfield Gazette is an independent weekly paper owned by the people who read it.";
    private const string Footer = "Letters to the editor are welcome and may be shortened before they are printed.";

    private static readonly string[] Stories =
    [
        "Frost on the mill pond came three weeks early, and the parish volunteer blamed the clear and windless nights.",
        "The bakery on Quay Street reopened after the winter repairs, with the old brick oven rebuilt by hand.",
        "Forty boats left the harbour before dawn on Tuesday, the busiest morning since the new quay was finished.",
        "The school choir raised enough at the autumn concert to replace the hall piano, last tuned in the spring of 1987.",
        "Storm drains on the high street were fitted with filters, and the river below the weir is clearer for it.",
        "A pair of otters has been filmed under the footbridge, the first confirmed sighting in the valley for a decade.",
        "The library will open on Sunday afternoons from March, staffed by volunteers from the reading circle.",
        "Roadworks on the bypass are running two weeks late after the contractor found an old culvert under the verge.",
    ];

    private readonly string directory = Directory.CreateTempSubdirectory("pipeline-template-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static DocumentFetched Page(int i)
    {
        var text = $"Village news, week {i + 1}\n\n{Header}\n\n{Stories[i]}\n\nOur reporter spoke to residents on {i + 3} March about it.\n\n{Footer}\n";
        var source = new DocumentSource("inbox", $"inbox:///week{i + 1}.txt", $"week{i + 1}.txt");
        return new DocumentFetched(Guid.NewGuid(), source, 1, DateTimeOffset.UtcNow, null, Encoding.UTF8.GetBytes(text));
    }

    private async Task<List<DocumentCleaned>> CleanAsync(int from, int to)
    {
        var path = Path.Combine(directory, "pipeline.db");
        var (provider, harness) = await Harness.StartAsync(
            s => CleanDocumentConsumerTests.AddCleaner(s, path),
            b => b.AddConsumer<CleanDocumentConsumer, CleanDocumentConsumerDefinition>());
        await using var _ = provider;
        var cleaned = new List<DocumentCleaned>();
        for (var i = from; i < to; i++)
        {
            // One at a time, as a folder's files arrive: each is counted before the next is cleaned.
            var page = Page(i);
            await harness.Bus.Publish(page);
            cleaned.Add(await harness.PublishedAsync<DocumentCleaned>(m => m.DocumentId == page.DocumentId));
        }

        return cleaned;
    }

    [Fact]
    public async Task Lines_a_folder_repeats_are_removed_as_template_from_the_sixth_document_on_across_a_restart()
    {
        var first = await CleanAsync(0, 3);
        var second = await CleanAsync(3, Stories.Length);
        var all = first.Concat(second).ToList();

        for (var i = 0; i < all.Count; i++)
        {
            Assert.Contains(Stories[i], all[i].Text, StringComparison.Ordinal);
            var template = all[i].Removed.Where(r => r.Kind == BoilerplateKinds.SiteTemplate).Select(r => r.Text).ToList();
            if (i < 5)
            {
                Assert.Contains(Footer, all[i].Text, StringComparison.Ordinal);
                Assert.Empty(template);
            }
            else
            {
                Assert.DoesNotContain(Footer, all[i].Text, StringComparison.Ordinal);
                Assert.DoesNotContain(Header, all[i].Text, StringComparison.Ordinal);
                Assert.Contains(Footer, template);
                Assert.Contains(Header, template);
                Assert.DoesNotContain(template, t => t.Contains("residents", StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public async Task A_document_cleaned_again_is_not_counted_twice()
    {
        var path = Path.Combine(directory, "pipeline.db");
        var (provider, harness) = await Harness.StartAsync(
            s => CleanDocumentConsumerTests.AddCleaner(s, path),
            b => b.AddConsumer<CleanDocumentConsumer, CleanDocumentConsumerDefinition>());
        await using var _ = provider;
        var page = Page(0);
        for (var i = 0; i < 7; i++)
        {
            // The same page fetched again and again: its own lines must never become its site's template.
            var again = page with { Version = i + 1 };
            await harness.Bus.Publish(again);
            var cleaned = await harness.PublishedAsync<DocumentCleaned>(m => m.Version == again.Version);
            Assert.Contains(Footer, cleaned.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(cleaned.Removed, r => r.Kind == BoilerplateKinds.SiteTemplate);
        }
    }
}
