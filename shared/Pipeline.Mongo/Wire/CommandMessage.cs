using MongoDB.Bson;

namespace Pipeline.Mongo.Wire;

/// <summary>A command as it goes on the wire: the body (with <c>$db</c>) and optional document sequences.</summary>
internal sealed record CommandMessage(BsonDocument Body, IReadOnlyList<DocumentSequence> Sequences, bool MoreToCome = false)
{
    public CommandMessage(BsonDocument body)
        : this(body, [])
    {
    }

    public string CommandName => Body.ElementCount > 0 ? Body.GetElement(0).Name : string.Empty;

    /// <summary>The body with each sequence folded in as an array, i.e. the command as the server interprets it.</summary>
    public BsonDocument ToMergedDocument()
    {
        var merged = (BsonDocument)Body.DeepClone();
        foreach (var sequence in Sequences)
        {
            merged[sequence.Identifier] = new BsonArray(sequence.Documents);
        }

        return merged;
    }
}
