using MongoDB.Bson;

namespace Pipeline.Mongo;

/// <summary>The outcome of an update or replacement.</summary>
/// <param name="UpsertedId">The new document's <c>_id</c> when the write inserted it.</param>
public sealed record UpdateResult(bool IsAcknowledged, long MatchedCount, long ModifiedCount, BsonValue? UpsertedId);
