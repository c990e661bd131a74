namespace Pipeline.Mongo.Tests.Integration;

/// <summary>A test that needs a real MongoDB: skipped, with the reason shown, unless MONGODB_URL is set.</summary>
public sealed class MongoDbFactAttribute : FactAttribute
{
    public MongoDbFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("MONGODB_URL")))
        {
            Skip = "MONGODB_URL is not set: no MongoDB server to run against (docker compose up mongo, then MONGODB_URL=mongodb://localhost:27017).";
        }
    }

    public static string Url => Environment.GetEnvironmentVariable("MONGODB_URL")!;
}
