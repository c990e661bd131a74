namespace Pipeline.Mongo;

public enum ServerErrorCategory
{
    Uncategorized,
    DuplicateKey,
    ExecutionTimeout,
}
