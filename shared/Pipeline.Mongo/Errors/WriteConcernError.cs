using MongoDB.Bson;

namespace Pipeline.Mongo;

/// <summary>A reply's <c>writeConcernError</c>.</summary>
public sealed record WriteConcernError(int Code, string? CodeName, string Message, BsonDocument? Details, IReadOnlyList<string> ErrorLabels)
{
    internal static WriteConcernError FromBson(BsonDocument error, BsonDocument reply)
    {
        var labels = new List<string>();
        foreach (var source in new[] { error, reply })
        {
            if (source.TryGetValue("errorLabels", out var l) && l.IsBsonArray)
            {
                labels.AddRange(l.AsBsonArray.Where(x => x.IsString).Select(x => x.AsString));
            }
        }

        return new WriteConcernError(
            error.GetValue("code", 0).ToInt32(),
            error.TryGetValue("codeName", out var n) && n.IsString ? n.AsString : null,
            error.TryGetValue("errmsg", out var m) && m.IsString ? m.AsString : string.Empty,
            error.TryGetValue("errInfo", out var info) && info.IsBsonDocument ? info.AsBsonDocument : null,
            labels.Distinct(StringComparer.Ordinal).ToList());
    }
}
