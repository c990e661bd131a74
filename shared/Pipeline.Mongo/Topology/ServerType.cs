namespace Pipeline.Mongo.Topology;

internal enum ServerType
{
    Unknown,
    Standalone,
    Mongos,
    PossiblePrimary,
    RSPrimary,
    RSSecondary,
    RSArbiter,
    RSOther,
    RSGhost,
}
