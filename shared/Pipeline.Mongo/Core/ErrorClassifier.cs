using MongoDB.Bson;

namespace Pipeline.Mongo.Core;

/// <summary>Turns a reply into the right exception type, and knows which server errors mean "forget this server".</summary>
internal static class ErrorClassifier
{
    // SDAM "not writable primary" and "node is recovering" codes.
    private static readonly HashSet<int> NotPrimaryCodes = [10107, 13435, 10058];
    private static readonly HashSet<int> RecoveringCodes = [11600, 11602, 13436, 189, 91];

    // Codes the retryable-writes specification lists as retryable (used for network-free cases only).
    public const string RetryableWriteErrorLabel = "RetryableWriteError";
    public const string NoWritesPerformedLabel = "NoWritesPerformed";

    public static bool IsOk(BsonDocument reply) =>
        reply.TryGetValue("ok", out var ok) && ok.IsNumeric && ok.ToDouble() == 1;

    public static MongoCommandException? FromReply(BsonDocument reply, MongoServerAddress address)
    {
        if (IsOk(reply))
        {
            return null;
        }

        var code = reply.GetValue("code", 0).ToInt32();
        var message = reply.GetValue("errmsg", "command failed").ToString();
        var codeName = reply.GetValue("codeName", string.Empty).ToString();
        var text = $"Command failed with error {code} ({codeName}): {message}";
        if (NotPrimaryCodes.Contains(code))
        {
            return new MongoNotPrimaryException(text, reply, address);
        }

        if (RecoveringCodes.Contains(code))
        {
            return new MongoNodeIsRecoveringException(text, reply, address);
        }

        return new MongoCommandException(text, reply, address);
    }

    /// <summary>Shutdown-type errors mean the server's connections are all dead; plain "not primary" does not (4.2+).</summary>
    public static bool ShouldClearPool(MongoCommandException ex) => ex.Code is 11600 or 91;

    public static bool IsStateChange(Exception ex) => ex is MongoNotPrimaryException or MongoNodeIsRecoveringException
        || (ex is MongoWriteConcernException wce && (NotPrimaryCodes.Contains(wce.WriteConcernError.Code) || RecoveringCodes.Contains(wce.WriteConcernError.Code)));
}
