using MongoDB.Bson;

namespace Pipeline.Mongo;

/// <summary>The outcome of a replacement.</summary>
/// <param name="UpsertedId">The new document's <c>_id</c> when the replacement inserted it.</param>
public sealed record ReplaceOneResult(bool IsAcknowledged, long MatchedCount, long ModifiedCount, BsonValue? UpsertedId);
