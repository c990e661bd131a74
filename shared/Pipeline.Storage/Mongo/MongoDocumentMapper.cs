using Pipeline.Contracts;
using Pipeline.Storage.Mongo.Records;

namespace Pipeline.Storage.Mongo;

/// <summary>Between the port's records and the driver-mapped stored shape.</summary>
internal static class MongoDocumentMapper
{
    public static DateTime? Date(DateTimeOffset? value) => value?.UtcDateTime;

    public static DateTimeOffset? ToDate(DateTime? value) =>
        value is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null;

    public static MongoSourceRecord Source(DocumentSource source) => new() { Kind = source.Kind, Uri = source.Uri, Name = source.Name, Parent = source.Parent };

    public static DocumentSource Source(MongoSourceRecord source) => new(source.Kind, source.Uri, source.Name, source.Parent);

    public static MongoDocumentRecord ToRecord(StoredDocument d, DateTimeOffset storedAt) => new()
    {
        Id = d.Id,
        Source = Source(d.Source),
        Title = d.Title,
        Text = d.Text,
        Language = d.Language,
        Author = d.Author,
        SiteName = d.SiteName,
        Published = Date(d.Published),
        FetchedAt = d.FetchedAt.UtcDateTime,
        StoredAt = storedAt.UtcDateTime,
        Version = d.Version,
        ContentHash = d.ContentHash,
        Entities = d.Entities.Select(e => new MongoEntityRecord { Type = e.Type, Text = e.Text, Start = e.Start, End = e.End, Canonical = e.Canonical, Id = e.Id }).ToList(),
        EntityKeys = [.. d.EntityKeys],
        EntityNames = Names(d),
        Cleaning = new MongoCleaningRecord { Removed = d.Removed.Select(r => new MongoRemovedRecord { Kind = r.Kind, Text = r.Text, Offset = r.Offset }).ToList() },
        Format = d.Format,
        Pages = d.Pages.Count == 0 ? null : d.Pages.Select(p => new MongoPageRecord { Number = p.Number, Start = p.Start, End = p.End }).ToList(),
    };

    private static List<MongoEntityNameRecord>? Names(StoredDocument d)
    {
        var names = EntityDisplay.PerKey(d);
        return names.Count == 0 ? null : names.Select(n => new MongoEntityNameRecord { Key = n.Key.ToString(), Name = n.Value.Display }).ToList();
    }

    public static StoredDocument FromRecord(MongoDocumentRecord r) => new()
    {
        Id = r.Id,
        Source = Source(r.Source),
        Title = r.Title,
        Text = r.Text,
        Language = r.Language,
        Author = r.Author,
        SiteName = r.SiteName,
        Published = ToDate(r.Published),
        FetchedAt = ToDate(r.FetchedAt) ?? default,
        StoredAt = ToDate(r.StoredAt) ?? default,
        Version = r.Version,
        ContentHash = r.ContentHash,
        Entities = r.Entities.Select(e => new EntityMention(e.Type, e.Text, e.Start, e.End, e.Canonical, e.Id)).ToList(),
        EntityKeys = r.EntityKeys,
        Removed = r.Cleaning.Removed.Select(x => new RemovedText(x.Kind, x.Text, x.Offset)).ToList(),
        Format = r.Format,
        Pages = r.Pages is { Count: > 0 } pages ? pages.Select(p => new PageSpan(p.Number, p.Start, p.End)).ToList() : Array.Empty<PageSpan>(),
    };
}
