namespace Pipeline.Integration.Tests;

/// <summary>One fault of the fault suite: a worker killed with SIGKILL and restarted, and/or the broker stopped some times.</summary>
internal sealed record FaultCase(string Name, string? Victim, int BrokerStops)
{
    public static readonly FaultCase None = new("none", null, 0);

    /// <summary>A case by its name: <c>kill Pipeline.Store</c> (any service), <c>broker</c>, or <c>broker xN</c> (N stops in one run).</summary>
    public static FaultCase Parse(string name)
    {
        var trimmed = name.Trim();
        if (trimmed.StartsWith("kill ", StringComparison.Ordinal))
        {
            return new FaultCase(trimmed, trimmed[5..].Trim(), 0);
        }

        if (trimmed == "broker")
        {
            return new FaultCase("broker stopped 15 s", null, 1);
        }

        if (trimmed.StartsWith("broker x", StringComparison.Ordinal) && int.TryParse(trimmed[8..], out var stops) && stops is > 0 and <= 100)
        {
            return new FaultCase($"broker stopped 15 s x{stops}", null, stops);
        }

        throw new ArgumentException($"Unknown fault case '{name}': kill <service>, broker or broker xN.", nameof(name));
    }
}
