using Pipeline.Tests.Shared;

namespace Pipeline.Mongo.Tests.Integration;

/// <summary>The test classes that share <see cref="MongoServerFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class MongoServerCollection : ICollectionFixture<MongoServerFixture>
{
    public const string Name = "MongoDB server";
}
