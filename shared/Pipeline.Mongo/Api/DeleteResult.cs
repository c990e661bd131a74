namespace Pipeline.Mongo;

public sealed record DeleteResult(bool IsAcknowledged, long DeletedCount);
