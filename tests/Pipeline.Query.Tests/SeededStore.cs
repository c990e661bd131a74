using Pipeline.Storage;

namespace Pipeline.Query.Tests;

/// <summary>A small, known corpus: 3 ketamine articles (2 about fibromyalgia), 1 about depression, and 26 filler notes for paging.</summary>
internal static class SeededStore
{
    public static readonly DateTimeOffset Jan = new(2024, 1, 15, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Mar = new(2024, 3, 10, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Jun = new(2024, 6, 5, 9, 0, 0, TimeSpan.Zero);

    public static StoredDocument KetamineFibro => QueryApiFactory.Document(
        "health.example.com/ketamine-fibromyalgia", "Ketamine for fibromyalgia",
        "Ketamine infusions eased fibromyalgia pain in a small trial at Stanford.", Jan, "web",
        ("Chemical", "Ketamine", "ketamine"), ("Disease", "fibromyalgia", "fibromyalgia"), ("Organization", "Stanford", "Stanford University"));

    public static StoredDocument KetamineDepression => QueryApiFactory.Document(
        "news.example.org/ketamine-depression", "Ketamine and depression",
        "Esketamine, related to ketamine, is approved for treatment-resistant depression.", Mar, "web",
        ("Chemical", "ketamine", "ketamine"), ("Chemical", "Esketamine", "esketamine"), ("Disease", "depression", "depression"));

    public static StoredDocument KetamineInbox => QueryApiFactory.Document(
        "notes-fibro.txt", "Clinic notes",
        "Patients with fibromyalgia asked about ketamine and about magnesium.", Jun, "inbox",
        ("Disease", "fibromyalgia", "fibromyalgia"), ("Chemical", "ketamine", "ketamine"), ("Chemical", "magnesium", "magnesium"));

    public static StoredDocument Hostile => QueryApiFactory.Document(
        "evil.example.net/post", "<img src=x onerror=alert(1)>",
        "Text with <script>alert('x')</script> and 100% of the_underscore cases.", Jun, "web");

    public static IReadOnlyList<StoredDocument> All()
    {
        var documents = new List<StoredDocument> { KetamineFibro, KetamineDepression, KetamineInbox, Hostile };
        for (var i = 0; i < 26; i++)
        {
            documents.Add(QueryApiFactory.Document(
                $"filler-{i:D2}.txt", $"Filler note {i}", $"A routine note number {i} about sleep hygiene and walking.", Jan.AddDays(i), "inbox"));
        }

        return documents;
    }

    public static async Task SeedAsync(QueryApiFactory factory)
    {
        var results = await factory.Store.UpsertManyAsync(All(), CancellationToken.None);
        Assert.All(results, r => Assert.Equal(Pipeline.Contracts.StoreOutcome.Stored, r.Outcome));
    }
}
