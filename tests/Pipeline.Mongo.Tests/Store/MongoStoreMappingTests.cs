using MongoDB.Bson;
using Pipeline.Contracts;
using Pipeline.Mongo.Bson;
using Pipeline.Mongo.Tests.Integration;
using Pipeline.Storage;
using Pipeline.Storage.Mongo;

namespace Pipeline.Mongo.Tests.Store;

/// <summary>The adapter's pure parts: the stored shape, filters, pipelines, snippets, crawl state.</summary>
public sealed class MongoStoreMappingTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_document_survives_the_trip_through_bson_bytes()
    {
        var document = RealServerTests.Document("https://example.com/a", "Title", "Ketamine text.", 4) with
        {
            Author = "A. Writer",
            Published = Start.AddDays(3),
            Entities = [new EntityMention("Chemical", "Ketamine", 0, 8, "ketamine", "CHEBI:6121"), new EntityMention("Disease", "pain", 9, 13, "pain", null)],
            Removed = [new RemovedText("credits", "Image: Getty")],
        };
        var storedAt = Start.AddHours(5);

        var back = MongoDocumentMapper.FromBson(BsonIo.Read(BsonIo.ToBytes(MongoDocumentMapper.ToBson(document, storedAt))));

        Assert.Equal(document with { StoredAt = storedAt }, back with { Entities = document.Entities, EntityKeys = document.EntityKeys, Removed = document.Removed });
        Assert.Equal(document.Entities, back.Entities);
        Assert.Equal(document.EntityKeys, back.EntityKeys);
        Assert.Equal(document.Removed, back.Removed);
    }

    [Fact]
    public void The_id_is_a_standard_uuid_readable_in_the_shell()
    {
        var id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
        var bson = MongoDocumentMapper.Id(id);
        Assert.Equal(BsonBinarySubType.UuidStandard, bson.SubType);
        Assert.Equal("0F8FAD5BD9CB469FA16570867728950E", Convert.ToHexString(bson.Bytes));
        Assert.Equal(id, MongoDocumentMapper.ToGuid(bson));
    }

    [Fact]
    public void Filters_are_built_from_typed_values()
    {
        var query = new DocumentQuery
        {
            Text = "ketamine \"chronic pain\"",
            Entities = [EntityKey.Parse("Chemical:Ketamine"), EntityKey.Parse("Disease:pain")],
            Source = "inbox",
            From = Start,
            To = Start.AddDays(7),
            DateField = DateField.Stored,
        };

        var filter = MongoFilters.For(query, TextQuery.Parse(query.Text));

        var expected = new BsonDocument("$and", new BsonArray
        {
            new BsonDocument("$text", new BsonDocument("$search", "\"ketamine\" \"chronic pain\"")),
            new BsonDocument("entityKeys", new BsonDocument("$all", new BsonArray { "Chemical:ketamine", "Disease:pain" })),
            new BsonDocument("$or", new BsonArray
            {
                new BsonDocument("source.kind", "inbox"),
                new BsonDocument("source.name", "inbox"),
                new BsonDocument("source.uri", new BsonRegularExpression("^[a-z][a-z0-9+.-]*://(www\\.)?inbox(:[0-9]+)?(/|\\?|#|$)", "i")),
            }),
            new BsonDocument("storedAt", new BsonDocument { { "$gte", new BsonDateTime(Start.UtcDateTime) }, { "$lt", new BsonDateTime(Start.AddDays(7).UtcDateTime) } }),
        });
        Assert.Equal(expected, filter);
    }

    [Theory]
    [InlineData("https://example.com/news/", "https://example.com/news/item", true)]
    [InlineData("https://example.com/news/", "https://example.com/sport", false)]
    [InlineData("https://ex.ample.com/", "https://exxample.com/", false)]
    [InlineData("example.com", "https://www.example.com/a", true)]
    [InlineData("example.com", "http://example.com:8080/", true)]
    [InlineData("example.com", "https://example.community/", false)]
    [InlineData("example.com", "https://badexample.com/", false)]
    public void Source_filters_match_literally(string source, string uri, bool matches)
    {
        var filter = MongoFilters.Source(source);
        var regexes = filter.Contains("$or")
            ? filter["$or"].AsBsonArray.Select(c => c.AsBsonDocument).Where(c => c.Contains("source.uri")).Select(c => c["source.uri"].AsBsonRegularExpression)
            : [filter["source.uri"].AsBsonRegularExpression];
        var options = System.Text.RegularExpressions.RegexOptions.None;
        Assert.Equal(matches, regexes.Any(r => System.Text.RegularExpressions.Regex.IsMatch(uri, r.Pattern, r.Options.Contains('i', StringComparison.Ordinal) ? System.Text.RegularExpressions.RegexOptions.IgnoreCase : options)));
    }

    [Fact]
    public void Regex_escaping_leaves_no_metacharacter_live()
    {
        const string Hostile = @"a.b*c+d?e^f$g|h(i)j[k]l{m}n\o/p#q-r";
        var pattern = "^" + MongoFilters.EscapeRegex(Hostile) + "$";
        Assert.Matches(pattern, Hostile);
        Assert.DoesNotMatch(pattern, "aXb*c+d?e^f$g|h(i)j[k]l{m}n\\o/p#q-r");
    }

    [Fact]
    public void Search_pipeline_sorts_by_score_then_date_and_pages_by_offset_within_a_snapshot()
    {
        var text = TextQuery.Parse("pain");
        var snapshot = Start.ToUnixTimeMilliseconds();
        var relevance = MongoDocumentStore.SearchPipeline(new DocumentQuery { Text = "pain", Limit = 10 }, text, new SearchCursor(snapshot, 0, 0, 20));
        Assert.Equal(
            new BsonArray
            {
                new BsonDocument("$match", new BsonDocument("$and", new BsonArray
                {
                    new BsonDocument("$text", new BsonDocument("$search", "\"pain\"")),
                    new BsonDocument("storedAt", new BsonDocument("$lte", new BsonDateTime(Start.UtcDateTime))),
                })),
                BsonDocument.Parse("{ $addFields: { _sortDate: { $ifNull: ['$published', '$storedAt'] }, _score: { $meta: 'textScore' } } }"),
                BsonDocument.Parse("{ $sort: { _score: -1, _sortDate: -1, _id: 1 } }"),
                BsonDocument.Parse("{ $skip: 20 }"),
                BsonDocument.Parse("{ $limit: 11 }"),
                BsonDocument.Parse("{ $project: { entities: 0, cleaning: 0 } }"),
            },
            new BsonArray(relevance));

        var byDate = MongoDocumentStore.SearchPipeline(new DocumentQuery { Text = "pain", Sort = SortOrder.Date }, text, new SearchCursor(snapshot, 0, 0, 0));
        Assert.Contains(BsonDocument.Parse("{ $sort: { _sortDate: -1, _id: 1 } }"), byDate);
        Assert.DoesNotContain(byDate, s => s.Contains("$skip"));
    }

    [Fact]
    public void Facet_pipeline_narrows_by_type_and_escaped_prefix()
    {
        var pipeline = MongoDocumentStore.FacetPipeline(new DocumentQuery(), "Chemical", "Ket.*");
        Assert.Equal(BsonDocument.Parse("{ $match: { entityKeys: /^Chemical:ket\\.\\*/ } }"), pipeline[3]);
        Assert.Equal(BsonDocument.Parse("{ $group: { _id: '$entityKeys', n: { $sum: 1 } } }"), pipeline[4]);
    }

    [Fact]
    public void Snippets_center_on_the_first_match_and_mark_every_word()
    {
        var text = new string('x', 400) + " Ketamine eases pain; ketamine again. " + new string('y', 400);
        var (snippet, highlights) = Snippets.Make(text, TextQuery.Parse("ketamine pain"));
        Assert.StartsWith("…", snippet, StringComparison.Ordinal);
        Assert.EndsWith("…", snippet, StringComparison.Ordinal);
        Assert.Equal(["Ketamine", "pain", "ketamine"], highlights.Select(h => snippet.Substring(h.Start, h.Length)));
    }

    [Fact]
    public void Crawl_definitions_and_fetch_state_round_trip_as_documents()
    {
        var crawl = new CrawlDefinition("news", ["https://n.example/", "https://m.example/"], TimeSpan.FromHours(6), "0 */6 * * *", 2, 100, "same-host", true, Start);
        var state = new FetchState("https://n.example/a", "news", Start, "\"etag\"", "Tue, 01 Jan 2026 00:00:00 GMT", "abc", Start.AddHours(6), 2, "500", false, TimeSpan.FromHours(6));

        var crawlDocument = BsonIo.Read(BsonIo.ToBytes(MongoCrawlMapper.ToBson(crawl)));
        var stateDocument = BsonIo.Read(BsonIo.ToBytes(MongoCrawlMapper.ToBson(state)));

        Assert.Equal(crawl.Seeds, MongoCrawlMapper.CrawlFromBson(crawlDocument).Seeds);
        Assert.Equal(crawl with { Seeds = [] }, MongoCrawlMapper.CrawlFromBson(crawlDocument) with { Seeds = [] });
        Assert.Equal(state, MongoCrawlMapper.FetchStateFromBson(stateDocument));
        Assert.Equal("news", stateDocument["crawlName"].AsString);
        Assert.Equal(new BsonDateTime(Start.AddHours(6).UtcDateTime), stateDocument["nextDueAt"]);
        Assert.Equal(
            BsonDocument.Parse("{ crawlName: 'news', parked: false, $or: [ { nextDueAt: null }, { nextDueAt: { $lte: ISODate('2026-01-01T00:00:00Z') } } ] }"),
            MongoDocumentStore.DueFilter("news", Start));
    }
}
