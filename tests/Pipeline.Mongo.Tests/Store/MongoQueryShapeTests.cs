using Pipeline.Tests.Shared;
using MongoDB.Bson;
using Pipeline.Mongo.Tests.Integration;
using Pipeline.Storage;
using Pipeline.Storage.Mongo;
using Pipeline.Storage.Mongo.Records;

namespace Pipeline.Mongo.Tests.Store;

/// <summary>
/// Every query the store sends, rendered by the driver to BSON and compared with the command we mean to send, so a
/// change of query shape is caught without a server.
/// </summary>
public sealed class MongoQueryShapeTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static BsonDateTime Date(DateTimeOffset value) => new(value.UtcDateTime);

    [Fact]
    public void Search_with_words_phrases_entities_source_and_stored_dates_is_one_match()
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

        var filter = MongoRender.Filter(MongoFilters.For(query, TextQuery.Parse(query.Text)));

        Assert.Equal(new BsonDocument
        {
            { "$text", new BsonDocument("$search", "\"ketamine\" \"chronic pain\"") },
            { "entityKeys", new BsonDocument("$all", new BsonArray { "Chemical:ketamine", "Disease:pain" }) },
            {
                "$or", new BsonArray
                {
                    new BsonDocument("source.kind", "inbox"),
                    new BsonDocument("source.name", "inbox"),
                    new BsonDocument("source.uri", new BsonRegularExpression("^[a-z][a-z0-9+.-]*://(www\\.)?inbox(:[0-9]+)?(/|\\?|#|$)", "i")),
                }
            },
            { "storedAt", new BsonDocument { { "$gte", Date(Start) }, { "$lt", Date(Start.AddDays(7)) } } },
        }, filter);
    }

    [Fact]
    public void Published_date_ranges_filter_on_published_and_no_query_matches_everything()
    {
        Assert.Equal(
            new BsonDocument("published", new BsonDocument("$gte", Date(Start))),
            MongoRender.Filter(MongoFilters.For(new DocumentQuery { From = Start }, TextQuery.Parse(null))));
        Assert.Equal(new BsonDocument(), MongoRender.Filter(MongoFilters.For(new DocumentQuery(), TextQuery.Parse(null))));
    }

    [Fact]
    public void A_uri_prefix_source_is_an_anchored_escaped_regex()
    {
        var filter = MongoRender.Filter(MongoFilters.Source("https://example.com/a+b/"));
        Assert.Equal(new BsonDocument("source.uri", new BsonRegularExpression("^https\\:\\/\\/example\\.com\\/a\\+b\\/")), filter);
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
        var filter = MongoRender.Filter(MongoFilters.Source(source));
        var regexes = filter.Contains("$or")
            ? filter["$or"].AsBsonArray.Select(c => c.AsBsonDocument).Where(c => c.Contains("source.uri")).Select(c => c["source.uri"].AsBsonRegularExpression)
            : [filter["source.uri"].AsBsonRegularExpression];
        Assert.Equal(matches, regexes.Any(r => System.Text.RegularExpressions.Regex.IsMatch(
            uri, r.Pattern, r.Options.Contains('i', StringComparison.Ordinal) ? System.Text.RegularExpressions.RegexOptions.IgnoreCase : System.Text.RegularExpressions.RegexOptions.None)));
    }

    [Theory]
    [InlineData("{\"$where\": \"sleep(1000)\"}")]
    [InlineData("$regex .* $ne")]
    [InlineData("\"} ]; db.dropDatabase(); \"")]
    public void User_text_never_becomes_an_operator_or_a_live_regex(string hostile)
    {
        var filter = MongoRender.Filter(MongoFilters.For(new DocumentQuery { Text = hostile, Source = hostile }, TextQuery.Parse(hostile)));

        foreach (var name in Names(filter))
        {
            Assert.Contains(name, new[] { "$text", "$search", "$or", "source.name", "source.uri" });
        }

        Assert.DoesNotContain('$', filter["$text"]["$search"].AsString);
        var pattern = filter["$or"].AsBsonArray.Select(c => c.AsBsonDocument).Single(c => c.Contains("source.uri"))["source.uri"].AsBsonRegularExpression.Pattern;
        Assert.Matches(pattern, "https://" + hostile.ToLowerInvariant() + "/");
        Assert.DoesNotMatch(pattern, "https://x" + hostile.ToLowerInvariant() + "/");
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
    public void Stored_per_minute_matches_the_recent_documents_and_groups_by_the_whole_minute()
    {
        var since = new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);
        var pipeline = MongoRender.Pipeline(MongoDocumentStore.PerMinutePipeline(since));

        Assert.Equal(new BsonDocument("$match", new BsonDocument("storedAt", new BsonDocument("$gte", since.UtcDateTime))), pipeline[0]);
        var ms = new BsonDocument("$toLong", "$storedAt");
        Assert.Equal(
            new BsonDocument("$group", new BsonDocument
            {
                { "_id", new BsonDocument("$subtract", new BsonArray { ms, new BsonDocument("$mod", new BsonArray { ms, 60000 }) }) },
                { "n", new BsonDocument("$sum", 1) },
            }),
            pipeline[1]);
        Assert.Equal(new BsonDocument("$sort", new BsonDocument("_id", 1)), pipeline[2]);
    }

    [Fact]
    public void Search_by_relevance_sorts_by_score_then_date_and_pages_by_offset_within_a_snapshot()
    {
        var text = TextQuery.Parse("pain");
        var pipeline = MongoRender.Pipeline(MongoDocumentStore.SearchPipeline(
            new DocumentQuery { Text = "pain", Limit = 10 }, text, new SearchCursor(Start.ToUnixTimeMilliseconds(), 0, 0, 20)));

        Assert.Equal(
            new BsonArray
            {
                new BsonDocument("$match", new BsonDocument
                {
                    { "$text", new BsonDocument("$search", "\"pain\"") },
                    { "storedAt", new BsonDocument("$lte", Date(Start)) },
                }),
                BsonDocument.Parse("{ $addFields: { _sortDate: { $ifNull: ['$published', '$storedAt'] }, _score: { $meta: 'textScore' } } }"),
                BsonDocument.Parse("{ $sort: { _score: -1, _sortDate: -1, _id: 1 } }"),
                BsonDocument.Parse("{ $skip: 20 }"),
                BsonDocument.Parse("{ $limit: 11 }"),
                BsonDocument.Parse("{ $project: { entities: 0, cleaning: 0 } }"),
            },
            pipeline);
    }

    [Fact]
    public void Search_by_date_has_no_score_and_the_first_page_no_skip()
    {
        var pipeline = MongoRender.Pipeline(MongoDocumentStore.SearchPipeline(
            new DocumentQuery { Text = "pain", Sort = SortOrder.Date }, TextQuery.Parse("pain"), new SearchCursor(Start.ToUnixTimeMilliseconds(), 0, 0, 0)));

        Assert.Equal(BsonDocument.Parse("{ $sort: { _sortDate: -1, _id: 1 } }"), pipeline[2]);
        Assert.DoesNotContain(pipeline, s => s.AsBsonDocument.Contains("$skip"));
        Assert.Equal(BsonDocument.Parse("{ $limit: 21 }"), pipeline[3]);
    }

    [Fact]
    public void Facets_unwind_the_keys_of_matching_documents_narrowed_by_type_and_escaped_prefix()
    {
        var pipeline = MongoRender.Pipeline(MongoDocumentStore.FacetPipeline(new DocumentQuery { Entities = [EntityKey.Parse("Disease:pain")] }, "Chemical", "Ket.*"));

        Assert.Equal(
            new BsonArray
            {
                BsonDocument.Parse("{ $match: { entityKeys: { $all: ['Disease:pain'] } } }"),
                BsonDocument.Parse("{ $project: { entityKeys: 1 } }"),
                BsonDocument.Parse("{ $unwind: '$entityKeys' }"),
                new BsonDocument("$match", new BsonDocument("entityKeys", new BsonRegularExpression("^Chemical:ket\\.\\*"))),
                BsonDocument.Parse("{ $group: { _id: '$entityKeys', n: { $sum: 1 } } }"),
                BsonDocument.Parse("{ $sort: { n: -1, _id: 1 } }"),
                BsonDocument.Parse("{ $limit: 10000 }"),
            },
            pipeline);
    }

    [Fact]
    public void Display_names_count_the_names_documents_give_each_key_and_take_the_most_common()
    {
        var pipeline = MongoRender.Pipeline(MongoDocumentStore.NamesPipeline(["Person:marie curie", "Chemical:ketamine"]));

        Assert.Equal(
            new BsonArray
            {
                BsonDocument.Parse("{ $match: { entityKeys: { $in: ['Person:marie curie', 'Chemical:ketamine'] } } }"),
                BsonDocument.Parse("{ $project: { entityNames: 1, _id: 0 } }"),
                BsonDocument.Parse("{ $unwind: '$entityNames' }"),
                BsonDocument.Parse("{ $match: { 'entityNames.key': { $in: ['Person:marie curie', 'Chemical:ketamine'] } } }"),
                BsonDocument.Parse("{ $group: { _id: { key: '$entityNames.key', name: '$entityNames.name' }, n: { $sum: 1 } } }"),
                BsonDocument.Parse("{ $sort: { n: -1, '_id.name': 1 } }"),
                BsonDocument.Parse("{ $group: { _id: '$_id.key', name: { $first: '$_id.name' } } }"),
            },
            pipeline);
    }

    [Fact]
    public void Cooccurrence_counts_the_other_keys_of_documents_with_the_key()
    {
        var pipeline = MongoRender.Pipeline(MongoDocumentStore.CooccurrencePipeline(EntityKey.Parse("Chemical:Ketamine"), 5));

        Assert.Equal(
            new BsonArray
            {
                BsonDocument.Parse("{ $match: { entityKeys: 'Chemical:ketamine' } }"),
                BsonDocument.Parse("{ $project: { entityKeys: 1 } }"),
                BsonDocument.Parse("{ $unwind: '$entityKeys' }"),
                BsonDocument.Parse("{ $match: { entityKeys: { $ne: 'Chemical:ketamine' } } }"),
                BsonDocument.Parse("{ $group: { _id: '$entityKeys', n: { $sum: 1 } } }"),
                BsonDocument.Parse("{ $sort: { n: -1, _id: 1 } }"),
                BsonDocument.Parse("{ $limit: 5 }"),
            },
            pipeline);
    }

    [Fact]
    public void Upserts_replace_only_an_older_version_and_look_for_the_same_text_elsewhere()
    {
        var document = RealServerTests.Document("https://example.com/a", "T", "Ketamine text.", 4);
        var id = new BsonBinaryData(document.Id, GuidRepresentation.Standard);

        Assert.Equal(new BsonDocument { { "_id", id }, { "version", new BsonDocument("$lt", 4L) } }, MongoRender.Filter(MongoDocumentStore.VersionGuard(document)));
        Assert.Equal(
            new BsonDocument { { "contentHash", document.ContentHash }, { "_id", new BsonDocument("$ne", id) } },
            MongoRender.Filter(MongoDocumentStore.OriginalFilter(document)));
        Assert.Equal(new BsonDocument { { "_id", id }, { "version", new BsonDocument("$lte", 4L) } }, MongoRender.Filter(MongoDocumentStore.DuplicateFilter(document)));

        var original = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
        Assert.Equal(
            new BsonDocument
            {
                { "_id", id },
                { "source", new BsonDocument { { "kind", "web" }, { "uri", "https://example.com/a" }, { "name", "https://example.com/a" } } },
                { "duplicateOf", new BsonBinaryData(original, GuidRepresentation.Standard) },
                { "contentHash", document.ContentHash },
                { "version", 4L },
                { "recordedAt", Date(Start) },
            },
            MongoRender.Document(MongoDocumentStore.Duplicate(document, original, Start)));
    }

    [Fact]
    public void A_promoted_duplicate_takes_the_originals_content_under_its_own_source_and_the_others_point_at_it()
    {
        var original = MongoDocumentMapper.ToRecord(RealServerTests.Document("https://example.com/a", "Original", "Ketamine text.", 2), Start);
        var copy = RealServerTests.Document("inbox:///b.txt", "Copy", "Ketamine text.", 5);
        var duplicate = MongoDocumentStore.Duplicate(copy, original.Id, Start);

        var promoted = MongoDocumentStore.Promoted(original, duplicate, Start.AddHours(1));

        Assert.Equal(copy.Id, promoted.Id);
        Assert.Equal("inbox:///b.txt", promoted.Source.Uri);
        Assert.Equal(5, promoted.Version);
        Assert.Equal(("Original", "Ketamine text.", original.ContentHash), (promoted.Title, promoted.Text, promoted.ContentHash));
        Assert.Equal(original.EntityKeys, promoted.EntityKeys);
        Assert.Equal(Start.AddHours(1).UtcDateTime, promoted.StoredAt);
        Assert.Equal(BsonDocument.Parse("{ recordedAt: 1, _id: 1 }"), MongoRender.Sort(MongoDocumentStore.OldestDuplicateFirst));
        Assert.Equal(
            new BsonDocument("$set", new BsonDocument("duplicateOf", new BsonBinaryData(copy.Id, GuidRepresentation.Standard))),
            MongoDocumentStore.RepointTo(copy.Id).Render(MongoRender.Args<MongoDuplicateRecord>()).AsBsonDocument);
    }

    [Fact]
    public void Due_fetch_state_is_unparked_and_unscheduled_or_due_oldest_first()
    {
        Assert.Equal(
            BsonDocument.Parse("{ crawlName: 'news', parked: false, $or: [ { nextDueAt: null }, { nextDueAt: { $lte: ISODate('2026-01-01T00:00:00Z') } } ] }"),
            MongoRender.Filter(MongoDocumentStore.DueFilter("news", Start)));
        Assert.Equal(BsonDocument.Parse("{ nextDueAt: 1, _id: 1 }"), MongoRender.Sort(MongoDocumentStore.DueOrder));
    }

    [Fact]
    public void Statistics_count_by_kind_and_by_web_host()
    {
        Assert.Equal(
            new BsonArray { BsonDocument.Parse("{ $group: { _id: '$source.kind', n: { $sum: 1 } } }") },
            MongoRender.Pipeline(MongoDocumentStore.KindCountPipeline()));
        var hosts = MongoRender.Pipeline(MongoDocumentStore.HostCountPipeline());
        Assert.Equal(new BsonDocument("$match", new BsonDocument("source.uri", new BsonRegularExpression("^https?://"))), hosts[0]);
        Assert.Equal(BsonDocument.Parse("{ $sort: { n: -1, _id: 1 } }"), hosts[2]);
        Assert.Equal(BsonDocument.Parse("{ $limit: 50 }"), hosts[3]);
    }

    [Fact]
    public void Indexes_are_the_documented_ones()
    {
        var keys = MongoDocumentStore.DocumentIndexes.Select(i => i.Keys.Render(MongoRender.Args<MongoDocumentRecord>())).ToList();

        Assert.Equal(
            [
                BsonDocument.Parse("{ title: 'text', text: 'text' }"),
                BsonDocument.Parse("{ entityKeys: 1 }"),
                BsonDocument.Parse("{ 'source.uri': 1 }"),
                BsonDocument.Parse("{ published: -1 }"),
                BsonDocument.Parse("{ contentHash: 1 }"),
                BsonDocument.Parse("{ storedAt: -1 }"),
            ],
            keys);
        Assert.True(MongoDocumentStore.DocumentIndexes[2].Options.Unique);
        Assert.Equal("textSearchLanguage", MongoDocumentStore.DocumentIndexes[0].Options.LanguageOverride);
    }

    private static IEnumerable<string> Names(BsonDocument document)
    {
        foreach (var element in document)
        {
            yield return element.Name;
            var children = element.Value switch
            {
                BsonDocument d => Names(d),
                BsonArray a => a.OfType<BsonDocument>().SelectMany(Names),
                _ => [],
            };
            foreach (var child in children)
            {
                yield return child;
            }
        }
    }
}
