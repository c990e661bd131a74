namespace Pipeline.Mongo.Topology;

/// <summary>The wire-protocol range this client speaks: MongoDB 6.0 (17) through the 8.x releases.</summary>
internal static class WireVersion
{
    public const int ClientMin = 17;
    public const int ClientMax = 28;

    /// <summary>Null when compatible, else the message the SDAM specification prescribes.</summary>
    public static string? CheckCompatibility(MongoServerAddress address, int minWireVersion, int maxWireVersion)
    {
        if (minWireVersion > ClientMax)
        {
            return $"Server at {address} requires wire version {minWireVersion}, but this version of Pipeline.Mongo only supports up to {ClientMax}.";
        }

        if (maxWireVersion < ClientMin)
        {
            return $"Server at {address} reports wire version {maxWireVersion}, but this version of Pipeline.Mongo requires at least {ClientMin} (MongoDB 6.0).";
        }

        return null;
    }
}
