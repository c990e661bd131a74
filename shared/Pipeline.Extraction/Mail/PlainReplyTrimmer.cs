using System.Text;
using System.Text.RegularExpressions;
using Pipeline.Cleaning;

namespace Pipeline.Extraction.Mail;

/// <summary>
/// Cuts quoted replies (lines starting with '>', "On ... wrote:", "-----Original Message-----", Outlook's
/// From/Sent header block) and the signature (after the "-- " delimiter) out of a plain-text body; each block's
/// offset is where it began in the returned text.
/// </summary>
internal static partial class PlainReplyTrimmer
{
    public static string Trim(string body, List<RemovedBlock> removed)
    {
        var lines = body.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var kept = new StringBuilder();
        var quoted = new StringBuilder();
        var signature = new StringBuilder();
        var inSignature = false;
        int? quotedAt = null;
        int? signatureAt = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (OriginalMessage().IsMatch(line) || (line.StartsWith("From:", StringComparison.Ordinal) && i + 1 < lines.Length && SentLine().IsMatch(lines[i + 1])))
            {
                // Outlook style: the whole earlier message follows, unquoted.
                quotedAt ??= kept.Length;
                quoted.Append(string.Join('\n', lines[i..]));
                break;
            }

            if (line.StartsWith('>') || (Attribution().IsMatch(line) && NextIsQuote(lines, i)))
            {
                quotedAt ??= kept.Length;
                quoted.Append(line).Append('\n');
                inSignature = false;
                continue;
            }

            if (line is "-- " or "--" && i > 0)
            {
                inSignature = true;
                signatureAt ??= kept.Length;
                continue;
            }

            (inSignature ? signature : kept).Append(line).Append('\n');
        }

        if (signature.ToString().Trim() is { Length: > 0 } sig)
        {
            removed.Add(new RemovedBlock(MailKinds.Signature, sig, signatureAt));
        }

        if (quoted.ToString().Trim() is { Length: > 0 } quote)
        {
            removed.Add(new RemovedBlock(MailKinds.QuotedReply, quote, quotedAt));
        }

        return kept.ToString();
    }

    private static bool NextIsQuote(string[] lines, int i)
    {
        for (var k = i + 1; k < lines.Length; k++)
        {
            if (lines[k].Trim().Length > 0)
            {
                return lines[k].StartsWith('>');
            }
        }

        return true;
    }

    [GeneratedRegex(@"^(On|Le|Am|El|Il|Op)\s.{3,200}(wrote|a écrit|schrieb|escribió|ha scritto|schreef)\s?:\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Attribution();

    [GeneratedRegex(@"^\s*-{3,}\s*(Original Message|Forwarded message|Message d'origine|Ursprüngliche Nachricht)\s*-{3,}\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OriginalMessage();

    [GeneratedRegex(@"^(Sent|Date|Envoyé|Gesendet):\s", RegexOptions.CultureInvariant)]
    private static partial Regex SentLine();
}
