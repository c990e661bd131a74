namespace Pipeline.Mongo.Tests.Integration;

/// <summary>A theory that needs a real MongoDB: skipped, with the reason shown, unless MONGODB_URL is set.</summary>
public sealed class MongoDbTheoryAttribute : TheoryAttribute
{
    public MongoDbTheoryAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("MONGODB_URL")))
        {
            Skip = new MongoDbFactAttribute().Skip;
        }
    }
}
