namespace Pipeline.Crawler;

/// <summary>One URL waiting in a crawl's frontier.</summary>
/// <param name="Url">Normalised.</param>
/// <param name="Depth">Links followed from a seed to reach it.</param>
/// <param name="Kind">A page to fetch, or a sitemap the crawler reads itself.</param>
/// <param name="Attempt">Retries already made in this run.</param>
/// <param name="RedirectChain">The URLs that redirected here, oldest first (null when none did).</param>
internal sealed record FrontierEntry(string Url, int Depth, EntryKind Kind = EntryKind.Page, int Attempt = 0, string[]? RedirectChain = null);

internal enum EntryKind
{
    Page,
    Sitemap,
}
