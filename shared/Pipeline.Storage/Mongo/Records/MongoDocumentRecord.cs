using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace Pipeline.Storage.Mongo.Records;

/// <summary>
/// The stored shape in the documents collection, mapped by the driver:
/// <c>{ _id, source, title, text, language, author, siteName, published, fetchedAt, storedAt, version, contentHash, entities, entityKeys, entityNames, cleaning: { removed } }</c>.
/// Elements this class does not know (written by a newer version) are ignored on read.
/// </summary>
[BsonIgnoreExtraElements]
internal sealed class MongoDocumentRecord
{
    [BsonId]
    [BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid Id { get; set; }

    [BsonElement("source")]
    public MongoSourceRecord Source { get; set; } = new();

    [BsonElement("title")]
    public string Title { get; set; } = string.Empty;

    [BsonElement("text")]
    public string Text { get; set; } = string.Empty;

    [BsonElement("language")]
    public string? Language { get; set; }

    [BsonElement("author")]
    public string? Author { get; set; }

    [BsonElement("siteName")]
    public string? SiteName { get; set; }

    [BsonElement("published")]
    public DateTime? Published { get; set; }

    [BsonElement("fetchedAt")]
    public DateTime FetchedAt { get; set; }

    [BsonElement("storedAt")]
    public DateTime StoredAt { get; set; }

    [BsonElement("version")]
    public long Version { get; set; }

    [BsonElement("contentHash")]
    public string ContentHash { get; set; } = string.Empty;

    [BsonElement("entities")]
    public List<MongoEntityRecord> Entities { get; set; } = [];

    [BsonElement("entityKeys")]
    public List<string> EntityKeys { get; set; } = [];

    /// <summary>
    /// Each entity key with the name this document gives it (facets show the name most documents use); absent for
    /// documents stored before names were recorded, whose facets then show the key's value.
    /// </summary>
    [BsonElement("entityNames")]
    [BsonIgnoreIfNull]
    public List<MongoEntityNameRecord>? EntityNames { get; set; }

    [BsonElement("cleaning")]
    public MongoCleaningRecord Cleaning { get; set; } = new();

    /// <summary><c>html</c>, <c>text</c>, <c>pdf</c>, <c>docx</c>...; absent for documents stored before formats were recorded.</summary>
    [BsonElement("format")]
    [BsonIgnoreIfNull]
    public string? Format { get; set; }

    /// <summary>Page ranges of a paged source (PDF, slides); absent otherwise.</summary>
    [BsonElement("pages")]
    [BsonIgnoreIfNull]
    public List<MongoPageRecord>? Pages { get; set; }
}
