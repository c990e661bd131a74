using System.Runtime.InteropServices;
using System.Text;
using MongoDB.Bson;

namespace Pipeline.Mongo.Core;

/// <summary>The <c>client</c> document of the handshake (MongoDB handshake specification), kept under 512 bytes.</summary>
internal static class ClientMetadata
{
    public const string DriverName = "Pipeline.Mongo";

    public static BsonDocument Build(string? applicationName)
    {
        if (applicationName is not null && Encoding.UTF8.GetByteCount(applicationName) > 128)
        {
            throw new MongoConfigurationException("appName must be at most 128 bytes of UTF-8.");
        }

        var version = typeof(ClientMetadata).Assembly.GetName().Version?.ToString() ?? "1.0.0";
        var osType = OperatingSystem.IsLinux() ? "Linux" : OperatingSystem.IsWindows() ? "Windows" : OperatingSystem.IsMacOS() ? "Darwin" : "Unknown";
        var document = new BsonDocument
        {
            { "driver", new BsonDocument { { "name", DriverName }, { "version", version } } },
            { "os", new BsonDocument { { "type", osType }, { "architecture", RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant() } } },
            { "platform", RuntimeInformation.FrameworkDescription },
        };
        if (applicationName is not null)
        {
            document.InsertAt(0, new BsonElement("application", new BsonDocument("name", applicationName)));
        }

        return document;
    }
}
