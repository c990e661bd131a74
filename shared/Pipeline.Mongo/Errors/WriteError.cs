using MongoDB.Bson;

namespace Pipeline.Mongo;

/// <summary>One entry of a reply's <c>writeErrors</c>.</summary>
public sealed record WriteError(int Index, int Code, string Message, BsonDocument? Details)
{
    public ServerErrorCategory Category => Code switch
    {
        11000 or 11001 or 12582 => ServerErrorCategory.DuplicateKey,
        50 => ServerErrorCategory.ExecutionTimeout,
        _ => ServerErrorCategory.Uncategorized,
    };

    internal static WriteError FromBson(BsonDocument error) => new(
        error.GetValue("index", 0).ToInt32(),
        error.GetValue("code", 0).ToInt32(),
        error.TryGetValue("errmsg", out var m) && m.IsString ? m.AsString : string.Empty,
        error.TryGetValue("errInfo", out var info) && info.IsBsonDocument ? info.AsBsonDocument : null);
}
