using System.Text.Json;
using Pipeline.Cleaning;
using Pipeline.Extraction.Tests.Samples;

namespace Pipeline.Extraction.Tests;

/// <summary>The seeds written as PDF and Word files clean to the same gold as the seeds' .txt files.</summary>
public sealed class SeedsAsDocumentsTests
{
    public static TheoryData<string, string> Seeds()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Directory.GetFiles(TestData.Path("seeds"), "*.txt").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file), "pdf");
            data.Add(Path.GetFileName(file), "docx");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Seed_as_a_document_matches_the_seed_gold(string seed, string format)
    {
        var lines = File.ReadAllLines(TestData.Path("seeds", seed));
        var paragraphs = lines.Where(l => l.Trim().Length > 0).ToList();
        var bytes = format == "pdf"
            ? PdfSamples.Article(paragraphs, twoColumns: false, title: null, author: null, running: false)
            : OfficeSamples.Docx(paragraphs, withExtras: false, title: null, author: null);
        var document = Extract.Single(bytes, Path.ChangeExtension(seed, format));

        using var gold = JsonDocument.Parse(File.ReadAllText(TestData.Path("gold", "seeds-boilerplate.json")));
        SeedGold.AssertMatches(gold.RootElement.GetProperty("documents").GetProperty(seed), lines, document.Cleaned, $"{seed} as {format}");
    }

    [Fact]
    public void Seed_as_a_pdf_is_tagged_like_the_text()
    {
        var seed = "000_b3349ad7b550c798.txt";
        var lines = File.ReadAllLines(TestData.Path("seeds", seed));
        var fromText = new DocumentCleaner().Clean(new CleaningInput(File.ReadAllBytes(TestData.Path("seeds", seed)), seed));
        var fromPdf = Extract.Single(PdfSamples.Article(lines.Where(l => l.Trim().Length > 0).ToList(), twoColumns: false, title: null, author: null, running: false), "seed.pdf");

        Assert.Equal(SeedGold.Words(fromText.Text), SeedGold.Words(fromPdf.Cleaned.Text));
    }
}
