namespace Pipeline.Extraction.Tests.Samples;

/// <summary>Our own article text, the source every sample document is made from.</summary>
internal static class Article
{
    public const string Title = "Rainwater Gardens in Small Towns";

    public const string Author = "Maren Holt";

    public static readonly string[] Paragraphs =
    [
        "Across the valley, town councils have started to replace concrete gutters with shallow planted basins that catch rainwater where it falls. The basins are cheap to build, and the plants chosen for them tolerate both standing water and long dry spells.",
        "Engineers in Ostervik measured the flow through the old storm drains for three winters before the first garden was dug. After the change the peak flow dropped by almost a third, and the river below the town flooded less often during autumn storms.",
        "Residents were sceptical at first. Several shop owners worried that mosquitoes would breed in the wet soil, but the basins drain within two days, long before any larvae could hatch. A volunteer group now weeds the beds every second Saturday.",
        "The gardens also cool the streets. On the hottest afternoon of last summer the pavement beside the library was eleven degrees cooler than the car park across the road, according to readings taken by pupils from the secondary school.",
        "Maintenance turned out to be the hardest part. Leaves clog the inlets in October, and sand spread on icy roads settles in the basins over winter. The council now sweeps the inlets weekly during the autumn months and replaces the top layer of gravel each spring.",
        "Neighbouring towns have asked for the drawings. Brennmoor plans twelve basins along its market street, and the regional water board has offered to pay half of the construction costs for any municipality that follows the same design.",
        "Critics point out that the basins take parking spaces. The council answered by placing most of them at corners, where parking was already forbidden, and by narrowing the carriageway rather than the pavement on the busiest streets.",
        "Whether the gardens will cope with the heavier rain that climate projections foresee remains uncertain. The engineers are collecting data from sensors buried in six basins and will publish their findings in a report next year.",
    ];

    public static string Text => string.Join("\n\n", Paragraphs);

    /// <summary>The paragraphs twice over (the second time with a lead-in), long enough for three pages in two columns.</summary>
    public static IReadOnlyList<string> Long { get; } = [.. Paragraphs, .. Paragraphs.Select(p => "In the second year, " + char.ToLowerInvariant(p[0]) + p[1..])];

    public static string LongText => string.Join("\n\n", Long);
}
