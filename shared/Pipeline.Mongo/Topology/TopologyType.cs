namespace Pipeline.Mongo.Topology;

internal enum TopologyType
{
    Unknown,
    Single,
    ReplicaSetNoPrimary,
    ReplicaSetWithPrimary,
    Sharded,
}
