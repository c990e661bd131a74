namespace Pipeline.Tests.Shared;

/// <summary>A theory that needs a real MongoDB (see <see cref="MongoAvailability"/>): skipped, with the reason shown, when none can be had.</summary>
public sealed class MongoDbTheoryAttribute : TheoryAttribute
{
    public MongoDbTheoryAttribute()
    {
        if (MongoAvailability.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
