using MongoDB.Bson;

namespace Pipeline.Mongo.Tests.Harness;

/// <summary>The matcher is part of the harness: it must reject as well as accept.</summary>
public sealed class UnifiedMatcherTests
{
    [Theory]
    [InlineData("{x: 1}", "{x: 1, y: 2}", true)]
    [InlineData("{x: {y: 1}}", "{x: {y: 1, z: 1}}", false)]
    [InlineData("{x: 1, y: 1}", "{x: 1}", false)]
    [InlineData("{x: 1}", "{x: 1.0}", true)]
    [InlineData("{x: 1}", "{x: 1.5}", false)]
    [InlineData("{x: 1}", "{x: '1'}", false)]
    [InlineData("{x: {$$exists: false}}", "{y: 1}", true)]
    [InlineData("{x: {$$exists: false}}", "{x: 1}", false)]
    [InlineData("{x: {$$exists: true}}", "{x: null}", true)]
    [InlineData("{x: {$$unsetOrMatches: false}}", "{}", true)]
    [InlineData("{x: {$$unsetOrMatches: false}}", "{x: false}", true)]
    [InlineData("{x: {$$unsetOrMatches: false}}", "{x: true}", false)]
    [InlineData("{x: {$$type: ['int', 'long']}}", "{x: NumberLong(5)}", true)]
    [InlineData("{x: {$$type: ['int', 'long']}}", "{x: 'five'}", false)]
    [InlineData("{x: {$$type: 'array'}}", "{x: []}", true)]
    [InlineData("{a: [{x: 1}]}", "{a: [{x: 1}, {x: 2}]}", false)]
    [InlineData("{x: {$$sessionLsid: 's'}}", "{x: 1}", false)]
    public void Matches_like_the_unified_format_says(string expected, string actual, bool matches) =>
        Assert.Equal(matches, UnifiedMatcher.Match(BsonDocument.Parse(expected), BsonDocument.Parse(actual)).Count == 0);
}
