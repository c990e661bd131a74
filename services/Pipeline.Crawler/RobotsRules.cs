namespace Pipeline.Crawler;

/// <summary>
/// The robots.txt rules that apply to us (RFC 9309): the groups naming our product token, else the <c>*</c> groups;
/// the longest matching Allow/Disallow pattern wins (<c>*</c> wildcards, <c>$</c> anchors), Allow on a tie.
/// </summary>
internal sealed class RobotsRules
{
    private readonly List<(string Pattern, bool Allow)> rules;

    private RobotsRules(List<(string Pattern, bool Allow)> rules, TimeSpan? crawlDelay, IReadOnlyList<string> sitemaps)
    {
        this.rules = rules;
        CrawlDelay = crawlDelay;
        Sitemaps = sitemaps;
    }

    /// <summary>Everything allowed (no robots.txt, or a 4xx for it).</summary>
    public static RobotsRules AllowAll { get; } = new([], null, []);

    public TimeSpan? CrawlDelay { get; }

    /// <summary>Sitemap URLs named anywhere in the file (they apply to every agent).</summary>
    public IReadOnlyList<string> Sitemaps { get; }

    public int RuleCount => rules.Count;

    public static RobotsRules Parse(string text, string userAgent)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(userAgent);
        var token = userAgent.Split('/')[0].Trim();
        var sitemaps = new List<string>();
        var mine = new List<(string, bool)>();
        var star = new List<(string, bool)>();
        TimeSpan? myDelay = null;
        TimeSpan? starDelay = null;
        var foundMine = false;

        var groupAgents = new List<string>();
        var inRules = false;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine;
            var hash = line.IndexOf('#', StringComparison.Ordinal);
            if (hash >= 0)
            {
                line = line[..hash];
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            switch (key)
            {
                case "user-agent":
                    if (inRules)
                    {
                        groupAgents.Clear();
                        inRules = false;
                    }

                    groupAgents.Add(value);
                    break;
                case "allow" or "disallow":
                    inRules = true;
                    if (value.Length == 0)
                    {
                        break; // "Disallow:" with nothing allows everything: no rule
                    }

                    var rule = (value, key == "allow");
                    if (groupAgents.Any(a => IsMe(a, token)))
                    {
                        mine.Add(rule);
                        foundMine = true;
                    }
                    else if (groupAgents.Contains("*"))
                    {
                        star.Add(rule);
                    }

                    break;
                case "crawl-delay":
                    inRules = true;
                    if (double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
                    {
                        var delay = TimeSpan.FromSeconds(Math.Min(seconds, 600));
                        if (groupAgents.Any(a => IsMe(a, token)))
                        {
                            myDelay = delay;
                            foundMine = true;
                        }
                        else if (groupAgents.Contains("*"))
                        {
                            starDelay = delay;
                        }
                    }

                    break;
                case "sitemap":
                    if (Uri.TryCreate(value, UriKind.Absolute, out _))
                    {
                        sitemaps.Add(value);
                    }

                    break;
            }
        }

        // A group naming us that has no rules yet still means "the * group does not apply to us".
        foundMine |= HasAgentLine(text, token);
        return foundMine ? new RobotsRules(mine, myDelay, sitemaps) : new RobotsRules(star, starDelay, sitemaps);
    }

    /// <summary>Whether the path (with its query) may be fetched.</summary>
    public bool IsAllowed(string pathAndQuery)
    {
        ArgumentNullException.ThrowIfNull(pathAndQuery);
        if (pathAndQuery.Equals("/robots.txt", StringComparison.Ordinal))
        {
            return true;
        }

        var bestLength = -1;
        var allowed = true;
        foreach (var (pattern, allow) in rules)
        {
            if (pattern.Length < bestLength || !Matches(pattern, pathAndQuery))
            {
                continue;
            }

            if (pattern.Length > bestLength || allow)
            {
                allowed = allow;
                bestLength = pattern.Length;
            }
        }

        return allowed;
    }

    /// <summary>Matches a robots pattern against a path: <c>*</c> is any run of characters, a final <c>$</c> anchors the end.</summary>
    internal static bool Matches(string pattern, string path)
    {
        var anchored = pattern.EndsWith('$');
        var body = anchored ? pattern[..^1] : pattern;
        return Match(body, 0, path, 0, anchored);
    }

    private static bool Match(string pattern, int p, string path, int s, bool anchored)
    {
        while (p < pattern.Length)
        {
            if (pattern[p] == '*')
            {
                while (p < pattern.Length && pattern[p] == '*')
                {
                    p++;
                }

                if (p == pattern.Length)
                {
                    return true;
                }

                for (var i = s; i <= path.Length; i++)
                {
                    if (Match(pattern, p, path, i, anchored))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (s >= path.Length || pattern[p] != path[s])
            {
                return false;
            }

            p++;
            s++;
        }

        return !anchored || s == path.Length;
    }

    private static bool IsMe(string agent, string token) =>
        agent.Split('/')[0].Trim().Equals(token, StringComparison.OrdinalIgnoreCase);

    private static bool HasAgentLine(string text, string token)
    {
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.StartsWith("user-agent", StringComparison.OrdinalIgnoreCase))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0 && IsMe(line[(colon + 1)..].Split('#')[0].Trim(), token))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
