using System.Net;
using System.Text.RegularExpressions;

namespace Pipeline.Fetcher;

/// <summary>What a crawler needs from an HTML page: its followable links, its canonical URL and its base.</summary>
internal sealed record PageLinks(IReadOnlyList<string> Links, string? Canonical);

/// <summary>
/// Reads links from HTML without building a DOM: <c>&lt;a href&gt;</c> (skipping <c>rel=nofollow</c>, or all of them under
/// <c>&lt;meta name=robots content=nofollow&gt;</c>), <c>&lt;link rel=canonical&gt;</c> and <c>&lt;base href&gt;</c>.
/// </summary>
internal static partial class HtmlLinks
{
    public static PageLinks Extract(string html, Uri pageUri, int maxLinks)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(pageUri);
        var baseUri = pageUri;
        string? canonical = null;
        var nofollowAll = false;
        var hrefs = new List<(string Href, bool NoFollow)>();
        foreach (Match tag in Tag().Matches(html))
        {
            var name = tag.Groups["name"].Value.ToLowerInvariant();
            var attributes = ParseAttributes(tag.Groups["attrs"].Value);
            switch (name)
            {
                case "a" when attributes.TryGetValue("href", out var href):
                    hrefs.Add((href, HasToken(attributes, "rel", "nofollow")));
                    break;
                case "base" when attributes.TryGetValue("href", out var baseHref) && Uri.TryCreate(pageUri, baseHref, out var resolved):
                    baseUri = resolved;
                    break;
                case "link" when HasToken(attributes, "rel", "canonical") && attributes.TryGetValue("href", out var canonicalHref):
                    canonical ??= canonicalHref;
                    break;
                case "meta" when attributes.TryGetValue("name", out var metaName) && IsRobotsMeta(metaName)
                                 && attributes.TryGetValue("content", out var content):
                    nofollowAll |= content.Contains("nofollow", StringComparison.OrdinalIgnoreCase) || content.Contains("none", StringComparison.OrdinalIgnoreCase);
                    break;
            }
        }

        var links = new List<string>();
        if (!nofollowAll)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (href, noFollow) in hrefs)
            {
                if (links.Count >= maxLinks)
                {
                    break;
                }

                if (!noFollow && Uri.TryCreate(baseUri, href, out var absolute)
                    && (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps) && seen.Add(absolute.AbsoluteUri))
                {
                    links.Add(absolute.AbsoluteUri);
                }
            }
        }

        var canonicalUrl = canonical is not null && Uri.TryCreate(baseUri, canonical, out var canonicalUri) ? canonicalUri.AbsoluteUri : null;
        return new PageLinks(links, canonicalUrl);
    }

    /// <summary>The charset a <c>&lt;meta charset&gt;</c> or <c>http-equiv</c> declares in the first bytes, or null.</summary>
    public static string? MetaCharset(ReadOnlySpan<byte> head)
    {
        var text = System.Text.Encoding.ASCII.GetString(head[..Math.Min(head.Length, 2048)]);
        var match = MetaCharsetPattern().Match(text);
        return match.Success ? match.Groups["charset"].Value.ToLowerInvariant() : null;
    }

    private static bool IsRobotsMeta(string name) =>
        name.Equals("robots", StringComparison.OrdinalIgnoreCase) || name.Equals("pipelinebot", StringComparison.OrdinalIgnoreCase);

    private static bool HasToken(Dictionary<string, string> attributes, string name, string token) =>
        attributes.TryGetValue(name, out var value)
        && value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Any(t => t.Equals(token, StringComparison.OrdinalIgnoreCase));

    private static Dictionary<string, string> ParseAttributes(string text)
    {
        var attributes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match attribute in Attribute().Matches(text))
        {
            var value = attribute.Groups["dq"].Success ? attribute.Groups["dq"].Value
                : attribute.Groups["sq"].Success ? attribute.Groups["sq"].Value
                : attribute.Groups["bare"].Value;
            attributes.TryAdd(attribute.Groups["name"].Value, WebUtility.HtmlDecode(value).Trim());
        }

        return attributes;
    }

    [GeneratedRegex(@"<(?<name>a|base|link|meta)\b(?<attrs>[^>]*)>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    [GeneratedRegex(@"(?<name>[^\s=/>""']+)\s*(?:=\s*(?:""(?<dq>[^""]*)""|'(?<sq>[^']*)'|(?<bare>[^\s>]+)))?", RegexOptions.CultureInvariant)]
    private static partial Regex Attribute();

    [GeneratedRegex(@"<meta\b[^>]*?charset\s*=\s*[""']?(?<charset>[A-Za-z0-9_:.\-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaCharsetPattern();
}
