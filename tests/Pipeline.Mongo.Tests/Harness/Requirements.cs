using MongoDB.Bson;

namespace Pipeline.Mongo.Tests.Harness;

/// <summary><c>runOnRequirements</c> for the deployment the fake server impersonates: MongoDB 8.0, replica set.</summary>
internal static class Requirements
{
    private static readonly Version ServerVersion = new(8, 0, 0);

    public static bool Satisfied(BsonValue requirements) =>
        requirements.IsBsonNull || requirements.AsBsonArray.Any(r => Satisfied(r.AsBsonDocument));

    private static bool Satisfied(BsonDocument r)
    {
        foreach (var element in r)
        {
            var ok = element.Name switch
            {
                "minServerVersion" => Parse(element.Value.AsString) <= ServerVersion,
                "maxServerVersion" => Parse(element.Value.AsString) >= ServerVersion,
                "topologies" => element.Value.AsBsonArray.Contains("replicaset"),
                "serverless" => element.Value.AsString != "require",
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static Version Parse(string v)
    {
        var parts = v.Split('.').Select(int.Parse).ToList();
        while (parts.Count < 3)
        {
            parts.Add(0);
        }

        return new Version(parts[0], parts[1], parts[2]);
    }
}
