using System.Security.Cryptography;
using System.Text;
using Pipeline.Contracts;

namespace Pipeline.Cleaner;

/// <summary>Which site a document belongs to, for its template: the host of a web page, the folder of a file.</summary>
internal static class SiteKeys
{
    private const int MaxKeyLength = 256;

    /// <summary>
    /// <c>web:host</c> for http(s) pages; for an entry of an archive or e-mail, the container and the entry's folder;
    /// otherwise the URI up to its last <c>/</c> (the inbox folder, a file's directory).
    /// </summary>
    public static string For(DocumentSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var uri = source.Uri;
        var hash = uri.IndexOf('#', StringComparison.Ordinal);
        string key;
        if (hash >= 0)
        {
            var slash = uri.LastIndexOf('/');
            key = uri[..(slash > hash ? slash + 1 : hash + 1)];
        }
        else if (Uri.TryCreate(uri, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
        {
            key = "web:" + url.IdnHost.ToLowerInvariant();
        }
        else
        {
            var query = uri.IndexOfAny(['?']);
            var path = query >= 0 ? uri[..query] : uri;
            key = path[..(path.LastIndexOf('/') + 1)];
            key = key.Length == 0 ? source.Kind + ":" : key;
        }

        return key.Length <= MaxKeyLength ? key : key[..(MaxKeyLength - 17)] + "~" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16];
    }

    /// <summary>A document's key within its site: the first 8 bytes of its id.</summary>
    public static long DocumentKey(Guid documentId) => BitConverter.ToInt64(documentId.ToByteArray(), 0);
}
