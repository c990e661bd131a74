namespace Pipeline.Extraction.Mail;

/// <summary>The removed-block kinds for e-mail.</summary>
internal static class MailKinds
{
    /// <summary>Earlier messages quoted below or above a reply, with their "On ... wrote:" line.</summary>
    public const string QuotedReply = "quoted-reply";

    /// <summary>The sender's signature after "-- " or in a signature block.</summary>
    public const string Signature = "signature";
}
