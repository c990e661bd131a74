using System.Text;

namespace Pipeline.Fetcher;

/// <summary>
/// One spelling per page: lower-case scheme and host, no default port, no fragment, no tracking parameters,
/// query parameters sorted. Document ids derive from this form, so it must stay stable.
/// </summary>
public static class UrlNormalizer
{
    private static readonly string[] TrackingPrefixes = ["utm_"];

    private static readonly HashSet<string> TrackingNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "gclid", "dclid", "gbraid", "wbraid", "fbclid", "msclkid", "yclid", "mc_cid", "mc_eid", "_ga", "_gl", "igshid", "twclid", "ttclid", "_hsenc", "_hsmi", "mkt_tok",
    };

    /// <summary>The normalised form of an absolute http(s) URL, or of <paramref name="url"/> resolved against <paramref name="baseUri"/>; null when it is not one.</summary>
    public static string? Normalize(string url, Uri? baseUri = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        url = url.Trim();
        if (url.Length == 0 || url.Length > 4096)
        {
            return null;
        }

        Uri? uri;
        if (baseUri is null)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out uri))
            {
                return null;
            }
        }
        else if (!Uri.TryCreate(baseUri, url, out uri))
        {
            return null;
        }

        return Normalize(uri);
    }

    /// <summary>The normalised form of an absolute http(s) URI, or null.</summary>
    public static string? Normalize(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || string.IsNullOrEmpty(uri.Host))
        {
            return null;
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return null;
        }

        var builder = new StringBuilder(uri.OriginalString.Length);
        builder.Append(uri.Scheme).Append("://");
        var host = uri.IdnHost.ToLowerInvariant().TrimEnd('.');
        builder.Append(uri.HostNameType == UriHostNameType.IPv6 && !host.StartsWith('[') ? "[" + host + "]" : host);
        if (!uri.IsDefaultPort)
        {
            builder.Append(':').Append(uri.Port);
        }

        var path = uri.AbsolutePath;
        builder.Append(path.Length == 0 ? "/" : path);
        AppendQuery(builder, uri.Query);
        return builder.ToString();
    }

    /// <summary>The host key politeness is held per (the lower-case host name or address).</summary>
    public static string HostKey(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return uri.IdnHost.ToLowerInvariant();
    }

    /// <summary>A readable name for a stored document: host and path.</summary>
    public static string DisplayName(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return uri.IdnHost + (uri.IsDefaultPort ? string.Empty : ":" + uri.Port) + uri.AbsolutePath;
    }

    private static void AppendQuery(StringBuilder builder, string query)
    {
        if (query.Length <= 1)
        {
            return;
        }

        var kept = new List<(string Name, string Pair)>();
        foreach (var pair in query[1..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? pair : pair[..equals];
            if (IsTracking(Uri.UnescapeDataString(name)))
            {
                continue;
            }

            kept.Add((name, pair));
        }

        if (kept.Count == 0)
        {
            return;
        }

        // A stable sort by name keeps the order of repeated names (a=2&a=1 is not a=1&a=2).
        var sorted = kept.OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        builder.Append('?');
        for (var i = 0; i < sorted.Count; i++)
        {
            if (i > 0)
            {
                builder.Append('&');
            }

            builder.Append(sorted[i].Pair);
        }
    }

    private static bool IsTracking(string name)
    {
        if (TrackingNames.Contains(name))
        {
            return true;
        }

        foreach (var prefix in TrackingPrefixes)
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
