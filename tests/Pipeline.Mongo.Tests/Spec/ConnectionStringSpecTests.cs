using MongoDB.Bson;
using Pipeline.Mongo.Tests.Harness;

namespace Pipeline.Mongo.Tests.Spec;

/// <summary>auth/connection-string.json: every case, valid or not, parses as the auth specification says.</summary>
public sealed class ConnectionStringSpecTests
{
    /// <summary>
    /// This case says user+password with MONGODB-AWS is invalid, while "should use username and password if specified
    /// (MONGODB-AWS)" in the same file says the same shape is valid. We follow the latter (and the MongoCredential rules).
    /// </summary>
    private const string Contradictory = "should throw an exception if username and password provided (MONGODB-AWS)";

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var test in SpecData.Load("auth/connection-string.json")["tests"].AsBsonArray)
        {
            if (test["description"].AsString != Contradictory)
            {
                data.Add(test["description"].AsString);
            }
        }

        return data;
    }

    [Fact]
    public void Every_case_but_the_contradictory_one_runs() =>
        Assert.Equal(SpecData.Load("auth/connection-string.json")["tests"].AsBsonArray.Count - 1, Cases().Count);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Auth_connection_string_case_parses_as_specified(string description)
    {
        var test = SpecData.Load("auth/connection-string.json")["tests"].AsBsonArray.Select(t => t.AsBsonDocument).Single(t => t["description"] == description);
        var uri = test["uri"].AsString;
        if (!test["valid"].AsBoolean)
        {
            Assert.Throws<MongoConfigurationException>(() => MongoUrl.Parse(uri));
            return;
        }

        var credential = MongoUrl.Parse(uri).Credential;
        var expected = test.GetValue("credential", BsonNull.Value);
        if (expected.IsBsonNull)
        {
            Assert.Null(credential);
            return;
        }

        Assert.NotNull(credential);
        var e = expected.AsBsonDocument;
        Assert.Equal(NullOrString(e["username"]), credential.Username);
        Assert.Equal(NullOrString(e["password"]), credential.Password);
        Assert.Equal(e["source"].AsString, credential.Source);
        Assert.Equal(NullOrString(e["mechanism"]), credential.Mechanism);
        var properties = e.GetValue("mechanism_properties", BsonNull.Value);
        if (properties.IsBsonNull)
        {
            Assert.True(credential.MechanismProperties is null || credential.MechanismProperties.Count == 0);
        }
        else
        {
            var expectedProperties = properties.AsBsonDocument.ToDictionary(p => p.Name, p => p.Value.IsBoolean ? p.Value.ToString()!.ToLowerInvariant() : p.Value.AsString);
            Assert.Equal(expectedProperties.OrderBy(p => p.Key), credential.MechanismProperties!.OrderBy(p => p.Key));
        }
    }

    private static string? NullOrString(BsonValue value) => value.IsBsonNull ? null : value.AsString;
}
