using MongoDB.Bson;

namespace Pipeline.Mongo.Wire;

/// <summary>An OP_MSG kind-1 section: documents sent beside the command body (e.g. <c>documents</c> of an insert).</summary>
internal sealed record DocumentSequence(string Identifier, IReadOnlyList<BsonDocument> Documents);
