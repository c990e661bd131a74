using System.Globalization;
using MongoDB.Bson;

namespace Pipeline.Mongo.Operations;

/// <summary>The <c>writeConcern</c> document from w / journal / wtimeoutMS, or null for the server default.</summary>
internal static class WriteConcernOptions
{
    public static BsonDocument? Build(MongoUrl url)
    {
        if (url.W is null && url.Journal is null && url.WTimeout is null)
        {
            return null;
        }

        var document = new BsonDocument();
        if (url.W is { } w)
        {
            document["w"] = int.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : w;
        }

        if (url.Journal is { } j)
        {
            document["j"] = j;
        }

        if (url.WTimeout is { } timeout)
        {
            document["wtimeout"] = (int)timeout.TotalMilliseconds;
        }

        return document;
    }

    public static bool IsAcknowledged(MongoUrl url) => url.W != "0";
}
