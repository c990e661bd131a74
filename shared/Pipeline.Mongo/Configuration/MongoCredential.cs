namespace Pipeline.Mongo;

/// <summary>Credentials from a connection string, validated per the MongoDB auth specification.</summary>
/// <param name="Mechanism">Null means "negotiate" (SCRAM-SHA-256 when the server offers it, else SCRAM-SHA-1).</param>
public sealed record MongoCredential(
    string? Username,
    string? Password,
    string Source,
    string? Mechanism,
    IReadOnlyDictionary<string, string>? MechanismProperties)
{
    /// <summary>Never print the password.</summary>
    public override string ToString() => $"{Username}@{Source} ({Mechanism ?? "default"})";
}
