namespace Pipeline.Tests.Shared;

/// <summary>A test that needs a real MongoDB (see <see cref="MongoAvailability"/>): skipped, with the reason shown, when none can be had.</summary>
public sealed class MongoDbFactAttribute : FactAttribute
{
    public MongoDbFactAttribute()
    {
        if (MongoAvailability.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
