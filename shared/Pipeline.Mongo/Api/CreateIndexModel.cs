using MongoDB.Bson;

namespace Pipeline.Mongo;

/// <summary>One index to create: its keys (e.g. <c>{ entityKeys: 1 }</c>, <c>{ title: "text" }</c>) and options.</summary>
public sealed record CreateIndexModel(BsonDocument Keys, CreateIndexOptions? Options = null);
