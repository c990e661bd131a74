using MongoDB.Bson;
using Pipeline.Mongo.Tests.Harness;
using Pipeline.Mongo.Topology;

namespace Pipeline.Mongo.Tests.Spec;

/// <summary>
/// The SDAM rs/ and single/ scenarios: scripted hello replies fed to the discovery state machine, checked phase by
/// phase against the expected topology type, set name, servers, electionId/setVersion and compatibility.
/// </summary>
public sealed class SdamSpecTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var file in SpecData.Files("sdam/rs").Concat(SpecData.Files("sdam/single")))
        {
            data.Add(file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Scenario_reaches_the_expected_topology(string file)
    {
        var spec = SpecData.Load(file);
        var url = MongoUrl.Parse(spec["uri"].AsString);
        var topology = new TopologyDescription(url.Hosts, url.ReplicaSetName, url.DirectConnection == true);
        var phase = 0;
        foreach (var p in spec["phases"].AsBsonArray.Select(x => x.AsBsonDocument))
        {
            phase++;
            foreach (var response in p.GetValue("responses", new BsonArray()).AsBsonArray)
            {
                var address = MongoServerAddress.Parse(response[0].AsString);
                var hello = response[1].AsBsonDocument;
                topology.Apply(hello.ElementCount == 0 ? ServerDescription.Unknown(address, "network error") : ServerDescription.FromHello(address, hello));
            }

            var outcome = p["outcome"].AsBsonDocument;
            var where = $"{file} phase {phase}";
            Assert.True(outcome["topologyType"].AsString == topology.Type.ToString(), $"{where}: topology {topology.Type}, expected {outcome["topologyType"]}");
            if (outcome.TryGetValue("setName", out var setName))
            {
                Assert.True((setName.IsBsonNull ? null : setName.AsString) == topology.SetName, $"{where}: setName {topology.SetName}");
            }

            if (outcome.TryGetValue("maxSetVersion", out var maxSetVersion))
            {
                Assert.Equal(maxSetVersion.IsBsonNull ? null : maxSetVersion.ToInt32(), topology.MaxSetVersion);
            }

            if (outcome.TryGetValue("maxElectionId", out var maxElectionId))
            {
                Assert.Equal(maxElectionId.IsBsonNull ? null : maxElectionId.AsObjectId, topology.MaxElectionId);
            }

            if (outcome.TryGetValue("compatible", out var compatible))
            {
                Assert.True(compatible.AsBoolean == topology.IsCompatible, $"{where}: compatible {topology.IsCompatible}");
            }

            if (outcome.TryGetValue("logicalSessionTimeoutMinutes", out var lstm))
            {
                Assert.Equal(lstm.IsBsonNull ? null : lstm.ToInt32(), topology.LogicalSessionTimeoutMinutes);
            }

            var servers = outcome["servers"].AsBsonDocument;
            Assert.True(
                servers.Names.Select(n => MongoServerAddress.Parse(n)).ToHashSet().SetEquals(topology.Servers.Select(s => s.Address)),
                $"{where}: servers {string.Join(",", topology.Servers.Select(s => s.Address))}, expected {string.Join(",", servers.Names)}");
            foreach (var server in servers)
            {
                var actual = topology.Find(MongoServerAddress.Parse(server.Name))!;
                var expected = server.Value.AsBsonDocument;
                Assert.True(expected["type"].AsString == actual.Type.ToString(), $"{where}: {server.Name} is {actual.Type}, expected {expected["type"]}");
                if (expected.TryGetValue("setName", out var s))
                {
                    Assert.Equal(s.IsBsonNull ? null : s.AsString, actual.SetName);
                }

                if (expected.TryGetValue("setVersion", out var v))
                {
                    Assert.Equal(v.IsBsonNull ? null : v.ToInt32(), actual.SetVersion);
                }

                if (expected.TryGetValue("electionId", out var e))
                {
                    Assert.Equal(e.IsBsonNull ? null : e.AsObjectId, actual.ElectionId);
                }

                if (expected.TryGetValue("error", out var error))
                {
                    Assert.Contains(error.AsString, actual.Error ?? string.Empty, StringComparison.Ordinal);
                }
            }
        }
    }
}
