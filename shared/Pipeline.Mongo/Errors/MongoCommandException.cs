using MongoDB.Bson;

namespace Pipeline.Mongo;

/// <summary>The server answered a command with <c>ok: 0</c>.</summary>
public class MongoCommandException : MongoServerException
{
    public MongoCommandException(string message, BsonDocument result, MongoServerAddress? serverAddress = null)
        : base(message, result, serverAddress)
    {
        Code = result.TryGetValue("code", out var code) && code.IsNumeric ? code.ToInt32() : 0;
        CodeName = result.TryGetValue("codeName", out var name) && name.IsString ? name.AsString : null;
        ErrorMessage = result.TryGetValue("errmsg", out var errmsg) && errmsg.IsString ? errmsg.AsString : null;
        if (result.TryGetValue("errorLabels", out var labels) && labels.IsBsonArray)
        {
            foreach (var label in labels.AsBsonArray)
            {
                if (label.IsString)
                {
                    AddErrorLabel(label.AsString);
                }
            }
        }
    }

    public int Code { get; }

    public string? CodeName { get; }

    public string? ErrorMessage { get; }
}
