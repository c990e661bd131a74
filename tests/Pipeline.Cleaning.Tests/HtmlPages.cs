using System.Text;

namespace Pipeline.Cleaning.Tests;

/// <summary>Small HTML pages for the cleaning tests: a story of four paragraphs and the cleaner that reads them.</summary>
internal static class HtmlPages
{
    private static readonly DocumentCleaner Cleaner = new();

    /// <summary>A short news story: four paragraphs of one running sentence each.</summary>
    public static readonly string[] Story =
    [
        "The harbour master counted forty boats leaving before dawn, more than in any week since the new quay was finished, and the fish market stayed open late.",
        "Buyers came from three towns along the coast, and by noon the price of mackerel had fallen to half of what it was last spring.",
        "The council will decide in March whether to extend the quay again, after a survey of the seabed that the fishermen asked for.",
        "Until then the boats will keep to the old rota, with the larger trawlers landing on the evening tide and the day boats at first light.",
    ];

    /// <summary>Cleans an HTML page given as a string.</summary>
    public static CleaningResult CleanHtml(string html) => Cleaner.Clean(new CleaningInput(Encoding.UTF8.GetBytes(html), "page.html"));

    /// <summary>Each text in its own paragraph element.</summary>
    public static string Paragraphs(IEnumerable<string> texts) => string.Concat(texts.Select(t => $"<p>{t}</p>"));
}
