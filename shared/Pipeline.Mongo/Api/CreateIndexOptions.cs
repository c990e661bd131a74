using MongoDB.Bson;

namespace Pipeline.Mongo;

public sealed class CreateIndexOptions
{
    /// <summary>Defaults to the keys joined the server's way, e.g. <c>x_1</c> or <c>title_text_text_text</c>.</summary>
    public string? Name { get; init; }

    public bool? Unique { get; init; }

    public bool? Sparse { get; init; }

    public string? DefaultLanguage { get; init; }

    public string? LanguageOverride { get; init; }

    public BsonDocument? Weights { get; init; }

    public BsonDocument? PartialFilterExpression { get; init; }

    public TimeSpan? ExpireAfter { get; init; }
}
